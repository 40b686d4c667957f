from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from twofold.insights.load import Load, MemberLoad, Tally
from twofold.insights.percent import half_up, whole_percents
from twofold.insights.week import Person, care_sentence


def test_halves_round_up_everywhere():
    assert [half_up(Fraction(n, 8)) for n in (1, 3, 5)] == [13, 38, 63]
    assert half_up(Fraction(17, 40)) == 43


def test_seventeen_and_twenty_three_of_forty_add_up_to_a_hundred():
    # Both are halves; the larger share takes the point, so whoever did more is never understated.
    assert whole_percents({"alex": Fraction(17, 40), "sam": Fraction(23, 40)}) == {"alex": 42, "sam": 58}


def test_three_equal_thirds_add_up_to_a_hundred_and_the_earlier_gets_the_point():
    assert whole_percents({1: Fraction(1, 3), 2: Fraction(1, 3), 3: Fraction(1, 3)}) == {1: 34, 2: 33, 3: 33}


def test_a_set_of_halves_gives_the_point_to_the_larger_share_whatever_the_order():
    assert whole_percents({"a": Fraction(1, 8), "b": Fraction(7, 8)}) == {"a": 12, "b": 88}
    assert whole_percents({"b": Fraction(7, 8), "a": Fraction(1, 8)}) == {"a": 12, "b": 88}


@given(
    st.integers(min_value=1, max_value=1000), st.lists(st.integers(min_value=0, max_value=1000), max_size=5)
)
def test_any_whole_adds_up_to_exactly_a_hundred_and_each_is_within_one_point(first, rest):
    counts = [first, *rest]
    total = sum(counts)
    shares = {i: Fraction(c, total) for i, c in enumerate(counts)}
    shown = whole_percents(shares)
    assert sum(shown.values()) == 100
    assert all(abs(shown[i] - shares[i] * 100) < 1 for i in shares)


def test_the_care_sentence_shows_shares_that_add_up():
    # Each rounded apart through a float, 23/40 came out 57 % (57.49999…) beside 42 %.
    members = {1: MemberLoad(1, total=Tally(17)), 2: MemberLoad(2, total=Tally(23))}
    load = Load(members=members, events=40, minutes=0.0, night_events=0, night_minutes=0.0)
    people = [Person(1, "Alex", True), Person(2, "Sam", True)]

    assert care_sentence(people, load) == "Sam did 58 % of the logged care (23 of 40 events), Alex 42 %."
