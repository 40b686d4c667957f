"""“I'm worried about you”: one parent raises it, the other sees a gentle invitation naming nobody, and
no result ever travels the other way."""

from __future__ import annotations

from django.urls import reverse

from twofold.conftest import client_for, join
from twofold.households.models import Role
from twofold.households.services import leave_household
from twofold.wellbeing import services
from twofold.wellbeing.concern_cards import concern_card
from twofold.wellbeing.instruments import PHQ9
from twofold.wellbeing.models import Concern
from twofold.wellbeing.tests.answers import answers_scoring

START = "/wellbeing/concern/"
SENT = "/wellbeing/concern/sent/"
CHECK_URL = "/wellbeing/"
CARD_TEXT = "Your partner is thinking of you and wondered how you are doing."


def close_url(concern: Concern) -> str:
    return f"/wellbeing/concern/{concern.pk}/close/"


def take_phq9(member, scores, *, shared=False):
    screening = services.start_screening(member=member, instrument="phq9")
    for item, position in answers_scoring(PHQ9, scores).items():
        services.record_answer(member=member, screening=screening, item=item, position=position)
    finished = services.finish_screening(member=member, screening=screening)
    if shared:
        services.share_screening(member=member, screening=finished.screening, shared=True)
    return finished


def test_the_page_guides_and_shows_the_countrys_lines(world):
    page = client_for(world.alex).get(START)

    text = page.content.decode()
    assert page.status_code == 200
    assert "Worried about Sam?" in text
    for step in ("Pick a calm moment", "Listen more than you talk", "Don't try to fix it in one go"):
        assert step.replace("'", "&#x27;") in text
    assert "GP or health visitor" in text
    assert 'href="tel:999"' in text and "Samaritans" in text  # the household is in the UK
    assert "Send the invitation" in text
    assert not Concern.objects.exists()  # looking is not raising


def test_raising_a_concern_invites_the_other_parent_once(world):
    alex = client_for(world.alex)

    response = alex.post(START, {"about": world.sam.pk})
    again = alex.post(START, {"about": world.sam.pk})

    assert response.status_code == 302 and response["Location"] == SENT
    assert again.status_code == 302
    concern = Concern.objects.get()
    assert (concern.raised_by, concern.about, concern.closed_at) == (world.alex, world.sam, None)
    sent = alex.get(SENT).content.decode()
    assert "Invitation sent" in sent and "Sam will see a gentle invitation" in sent
    assert "How to start the conversation" in sent and 'href="tel:999"' in sent


def test_the_partner_sees_an_invitation_that_names_nobody(world):
    services.raise_concern(member=world.alex, about=world.sam)

    today = client_for(world.sam).get(reverse("home:today")).content.decode()
    alex_today = client_for(world.alex).get(reverse("home:today")).content.decode()

    card = today[today.index('aria-labelledby="concern-card-h"') :]
    card = card[: card.index("</section>")]
    assert CARD_TEXT in card
    assert "Alex" not in card
    assert f'href="{CHECK_URL}"' in card
    assert f'action="{close_url(Concern.objects.get())}"' in card
    assert CARD_TEXT not in alex_today  # the one who raised it has nothing to answer


def test_helpers_cannot_raise_or_see_a_concern(world):
    pat = client_for(world.pat)
    concern = services.raise_concern(member=world.alex, about=world.sam)

    assert pat.get(START).status_code == 404
    assert pat.post(START, {"about": world.sam.pk}).status_code == 404
    assert pat.get(SENT).status_code == 404
    assert pat.post(close_url(concern)).status_code == 404
    assert concern_card(member=world.pat) is None
    assert CARD_TEXT not in pat.get(reverse("home:today")).content.decode()
    assert Concern.objects.get().closed_at is None


def test_no_one_can_raise_a_concern_about_another_households_parent(world):
    response = client_for(world.alex).post(START, {"about": world.robin.pk})
    robin_today = client_for(world.robin).get(reverse("home:today")).content.decode()

    assert response.status_code == 400
    assert "Choose the other parent in your household." in response.content.decode()
    assert not Concern.objects.exists()
    assert CARD_TEXT not in robin_today


def test_a_parent_alone_is_told_kindly_there_is_nobody_to_invite(world):
    page = client_for(world.robin).get(START).content.decode()
    posted = client_for(world.robin).post(START, {"about": world.robin.pk})

    assert "There is no other parent in this household yet" in page
    assert "Send the invitation" not in page
    assert 'href="tel:911"' in page  # Robin's household is in the US
    assert posted.status_code == 400
    assert not Concern.objects.exists()


def test_with_several_other_parents_the_parent_chooses(world):
    kit = join(world.alex, "kit@example.com", "Kit", Role.PARENT)
    alex = client_for(world.alex)

    page = alex.get(START).content.decode()
    missing = alex.post(START, {})
    chosen = alex.post(START, {"about": kit.pk})

    assert "Who are you worried about?" in page and "Sam" in page and "Kit" in page
    assert missing.status_code == 400
    assert chosen.status_code == 302
    assert Concern.objects.get().about == kit


def test_not_now_closes_the_invitation_only_for_the_parent_it_is_about(world):
    concern = services.raise_concern(member=world.alex, about=world.sam)

    by_alex = client_for(world.alex).post(close_url(concern))
    assert by_alex.status_code == 404
    assert Concern.objects.get().closed_at is None
    assert client_for(world.sam).get(close_url(concern)).status_code == 405

    by_sam = client_for(world.sam).post(close_url(concern))

    assert by_sam.status_code == 302 and by_sam["Location"] == reverse("home:today")
    assert Concern.objects.get().closed_at is not None
    assert concern_card(member=world.sam) is None
    assert CARD_TEXT not in client_for(world.sam).get(reverse("home:today")).content.decode()


def test_another_household_cannot_close_it(world):
    concern = services.raise_concern(member=world.alex, about=world.sam)

    assert client_for(world.robin).post(close_url(concern)).status_code == 404
    assert Concern.objects.get().closed_at is None


def test_the_raisers_pages_never_show_the_partners_results(world):
    services.raise_concern(member=world.alex, about=world.sam)
    # 20 of 27, the top band, with a self-harm answer: Sam's alone.
    take_phq9(world.sam, {1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 9: 2})
    alex = client_for(world.alex)

    pages = [alex.get(url).content.decode() for url in (START, SENT, reverse("home:today"))]
    pages.append(alex.post(START, {"about": world.sam.pk}, follow=True).content.decode())

    for page in pages:
        for leak in ("PHQ", "Severe", "severe", "20 of 27", "20/27", "thoughts of harming", "Not now"):
            assert leak not in page, leak
    # Alex's own wellbeing page lists Alex's results only: there are none.
    assert "out of 27" not in alex.get(CHECK_URL).content.decode()


def test_an_invitation_from_a_parent_who_left_is_not_shown(world):
    services.raise_concern(member=world.alex, about=world.sam)

    leave_household(member=world.alex)

    assert concern_card(member=world.sam) is None


def test_the_wellbeing_page_leads_to_the_concern_page(world):
    from django.urls import reverse

    from twofold.conftest import client_for

    page = client_for(world.alex).get(reverse("wellbeing:home")).content.decode()
    assert reverse("wellbeing_concern:start") in page
