"""`classify`: the kind of each line block of a page."""

from __future__ import annotations

import pytest

from dossier.packs import Pack
from dossier.segment.classify import classify
from tests.segment.conftest import ClassifyFunction

WEB_PAGE = """\
To get our bulletin by e-mail, enter your email address and click subscribe
Home News Campaigns Pamphlets Events Shop Contact
Friendship Bulletin issue 31 (May 2012)
A Century of Struggle Remembered
By Jane Doe
The society marked the centenary of the birth of President Kim Il Sung with a meeting in London attended by more than a hundred people.
Speakers recalled the anti-Japanese struggle and the building of a new Korea after liberation, when the country had been left in ruins.
Share this article
Related articles
"""  # noqa: E501

AGGREGATOR_HEAD = """\
March 09, 2026Mar 09, 2026
KCNA Naenara (En)

Mangyongdae Schoolchildren's Palace Marks Anniversary

Date: 16/10/2021 | Source: Voice of Korea | Read original version at source

The Mangyongdae Schoolchildren's Palace in Pyongyang marked the anniversary of its opening with a performance by pupils of its circles.
The palace has trained thousands of pupils in music, dance, sports and science since it opened its doors in the 1960s.
"""  # noqa: E501

WIRE = """\
Children's Union Members Visit Battle Sites
Pyongyang, June 2 (KCNA) -- Members of the Korean Children's Union are visiting revolutionary battle sites in the area of Mt Paektu.
Kim Jong Un warmly waved back to the enthusiastically cheering children, holding his hands high.
The pupils are learning about the hardships of the guerrillas in the forests.
Ho Yong Man, chairman of the provincial committee, made a speech at the ceremony.
The participants laid flowers at the monument.
Speeches were made there. -0-
"""  # noqa: E501

LETTER = """\
Letter to the Central Committee of the Workers' Party of Korea

15 August 2005

Dear Comrades,

On behalf of our committee I send warm greetings on the 60th anniversary of the liberation of Korea from Japanese colonial rule.

We will continue to campaign for the withdrawal of all foreign troops from the south of the peninsula and for a peace treaty.

Yours in solidarity,

John Smith, Secretary, Example Friendship Association
"""  # noqa: E501

PAGES = {"web": WEB_PAGE, "aggregator": AGGREGATOR_HEAD, "wire": WIRE, "letter": LETTER}


@pytest.mark.parametrize(
    ("page", "line", "kind"),
    [
        (
            "web",
            "To get our bulletin by e-mail, enter your email address and click "
            "subscribe",
            "nav",
        ),
        ("web", "Home News Campaigns Pamphlets Events Shop Contact", "nav"),
        ("web", "Friendship Bulletin issue 31 (May 2012)", "meta"),
        ("web", "A Century of Struggle Remembered", "headline"),
        ("web", "By Jane Doe", "meta"),
        ("web", "Share this article", "nav"),
        ("web", "Related articles", "nav"),
        ("aggregator", "March 09, 2026Mar 09, 2026", "meta"),
        ("aggregator", "KCNA Naenara (En)", "meta"),
        (
            "aggregator",
            "Mangyongdae Schoolchildren's Palace Marks Anniversary",
            "headline",
        ),
        (
            "aggregator",
            "Date: 16/10/2021 | Source: Voice of Korea | Read original "
            "version at source",
            "meta",
        ),
        ("wire", "Children's Union Members Visit Battle Sites", "headline"),
        ("wire", "Pyongyang, June 2 (KCNA) -- ", "dateline"),
        (
            "wire",
            "Members of the Korean Children's Union are visiting revolutionary "
            "battle sites in the area of Mt Paektu.",
            "text",
        ),
        # A boilerplate phrase inside the body is part of a sentence.
        (
            "wire",
            "Kim Jong Un warmly waved back to the enthusiastically cheering "
            "children, holding his hands high.",
            "text",
        ),
        # A name, a title and then a verb: a sentence, not a signature.
        (
            "wire",
            "Ho Yong Man, chairman of the provincial committee, made a speech "
            "at the ceremony.",
            "text",
        ),
        # Short closing sentences still belong to the story.
        ("wire", "The participants laid flowers at the monument.", "text"),
        ("wire", "Speeches were made there.", "text"),
        ("wire", " -0-", "end-marker"),
        (
            "letter",
            "Letter to the Central Committee of the Workers' Party of Korea",
            "headline",
        ),
        ("letter", "15 August 2005", "meta"),
        # A salutation and a closing are the letter's own words, not furniture.
        ("letter", "Dear Comrades,", "text"),
        ("letter", "Yours in solidarity,", "text"),
        (
            "letter",
            "John Smith, Secretary, Example Friendship Association",
            "signature",
        ),
    ],
)
def test_classify_line_kinds(
    page: str, line: str, kind: str, kinds_of: ClassifyFunction
) -> None:
    found = [k for k, text in kinds_of(PAGES[page]) if text == line]
    assert found == [kind]


def test_classify_cuts_wire_marks_off_the_paragraphs(
    kinds_of: ClassifyFunction,
) -> None:
    kinds = kinds_of(WIRE)
    assert kinds[1] == ("dateline", "Pyongyang, June 2 (KCNA) -- ")
    assert kinds[2][0] == "text"
    assert kinds[2][1].startswith("Members of the Korean Children's Union")
    assert kinds[-2:] == [("text", "Speeches were made there."), ("end-marker", " -0-")]


def test_classify_blocks_point_into_the_text(pack: Pack) -> None:
    text = WIRE
    for block in classify(text, pack):
        assert text[block.start : block.end] == block.text


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # No paragraph at all: nothing is furniture without evidence; a
        # title-cased first line is still the headline.
        ("Photo Exhibition Opens\nsee the photos", ["headline", "text"]),
        ("", []),
        # A signature needs a name first, not a phrase.
        (
            "The power stations worked at full capacity throughout the summer months.\n"
            "In August, the stations generated more power than ever before.",
            ["text", "text"],
        ),
    ],
)
def test_classify_handles_pages_without_structure(
    text: str, kinds: list[str], pack: Pack
) -> None:
    assert [block.kind for block in classify(text, pack)] == kinds


# An HTML extractor's main text, as trafilatura gives it: the menus are gone,
# and what remains of the page's shape (a headline repeating the title, short
# table rows, a rights line) is the article's. Shapes seen on html-dev pages.
EXTRACTED = """\
Meal Prep for A Little More Obsessed
If you have done the program, you have seen how its meal plan complements the workouts to get you the results you want.
Nighttime Supplement
30 minutes before bed
Beachbody Performance Recharge, 1 tsp. nut butter
Nighttime Supplement
30 minutes before bed
Beachbody Performance Recharge, 1 tsp. nut butter
Sign up for our newsletter
© Reuters
Pre-Workout Meal
Post-Workout Meal
Evening Snack
"""  # noqa: E501
EXTRACTED_TITLE = "Meal Prep for A Little More Obsessed | The Beachbody Blog"


@pytest.mark.parametrize(
    ("line", "as_text", "as_extracted"),
    [
        ("Meal Prep for A Little More Obsessed", "headline", "headline"),
        # A run of short title-cased lines at the bottom edge reads as a menu
        # in a page saved as text; the extractor already took the menus out.
        ("Pre-Workout Meal", "nav", "text"),
        # Printed twice on one side of the article: table rows, not a menu
        # printed above and below it.
        ("Nighttime Supplement", "nav", "text"),
        ("Beachbody Performance Recharge, 1 tsp. nut butter", "nav", "text"),
        # A pack phrase is evidence in both.
        ("Sign up for our newsletter", "nav", "nav"),
        # The article's rights line: kept by the extractor, the gold's text.
        ("© Reuters", "footer", "text"),
    ],
)
def test_classify_trusts_an_extractors_main_text(
    line: str, as_text: str, as_extracted: str, pack: Pack
) -> None:
    def kinds(**options: object) -> set[str]:
        blocks = classify(EXTRACTED, pack, **options)  # type: ignore[arg-type]
        return {block.kind for block in blocks if block.text == line}

    assert kinds() == {as_text}
    assert kinds(extracted=True, title=EXTRACTED_TITLE) == {as_extracted}


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("2018 Boys State Swim Results", "text"),
        ("", "text"),
        ("click for full state swim results", "headline"),
    ],
)
def test_classify_extracted_headline_repeats_the_title(
    title: str, kind: str, pack: Pack
) -> None:
    text = (
        "CLICK FOR FULL STATE SWIM RESULTS\n"
        "Trinity Academy junior Ben Patton added to his collection of state "
        "titles, winning the 200 yard Individual Medley state title.\n"
    )
    blocks = classify(text, pack, extracted=True, title=title)
    assert blocks[0].kind == kind


def test_classify_extracted_repeats_around_the_article_are_furniture(
    pack: Pack,
) -> None:
    text = (
        "Most Read Stories\n"
        "The committee met on Tuesday and agreed the plan for the coming year.\n"
        "Most Read Stories\n"
    )
    kinds = [b.kind for b in classify(text, pack, extracted=True, title="")]
    assert kinds == ["nav", "text", "nav"]
