"""What Twofold says back names its sources as a parent can look them up, never a file of the project's."""

from twofold.intake import said


def test_no_parent_facing_text_cites_a_project_file_or_section():
    texts = [
        said.NOT_AN_ASSESSMENT,
        said.HARD_FEELINGS,
        said.GENTLE_SAFETY,
        said.INTAKE_SAFETY_MESSAGE,
        *(text for pair in said.LINES.values() for text in pair),
        *(step.why for step in said.STEPS.values()),
        *(step.title for step in said.STEPS.values()),
    ]
    for text in texts:
        assert "EVIDENCE" not in text and "§" not in text, text
    assert "(Kroenke et al., 2003)" in said.STEPS["mood_check"].why
