"""What a system-requirements question is not answered by: a word that only looks like one. "Does
it require manual sorting?" asks what it asks of people, not what it needs to run, and "the
windows" of a room of agents are no operating system. Each case is a short PR/FAQ asked with
`prfaq questions --ask`, as a team would check its own question list."""

from __future__ import annotations

from assistant.documents import parse_document
from assistant.questions.offline import ask_offline
from assistant.questions.text import concepts

SORTER = """# Sorter files your research notes as you write

SEATTLE, March 3, 2027 — Today Sorter launches, a desktop notebook for researchers that files
every note under the question it answers.

## FAQ

**Does Sorter require manual organization?**
No. Sorter builds the outline while you write, and you can move any note by hand.

**How much does it cost?**
$8 per month.
"""

SORTER_WITH_REQUIREMENTS = SORTER + """
**What do I need to run it?**
Sorter requires macOS 13 or Windows 11 and 4 GB of memory.
"""

ROOM = """# Room puts your AI agents at one table

Today, you copy what one agent says into the next chat window by hand. The windows can't see each
other, so you become the message bus.

With Room, the agents share one workspace and ask you only when they disagree.
"""


def judged(text: str, question: str):
    return ask_offline(parse_document(text, path="doc.md"), [question]).questions[0]


def test_a_question_about_what_it_asks_of_people_is_not_the_system_requirements():
    found = judged(SORTER, "What are the system requirements?")
    assert found.status == "unanswered", found.evidence


def test_the_faq_that_gives_the_requirements_still_answers():
    found = judged(SORTER_WITH_REQUIREMENTS, "What are the system requirements?")
    assert found.status == "answered"
    assert found.evidence is not None and "macOS 13" in found.evidence.text


def test_the_windows_of_a_room_are_no_operating_system():
    found = judged(ROOM, "What are the system requirements?")
    assert found.status == "unanswered", found.evidence


def test_require_names_a_requirement_only_of_the_product():
    assert "requirement" in concepts("Requires Python 3.9 or higher.")
    assert "requirement" in concepts("Does it require an account?")
    assert "requirement" not in concepts("Most tools require everyone to create accounts.")
    assert "requirement" not in concepts("Does Sorter require manual organization?")
