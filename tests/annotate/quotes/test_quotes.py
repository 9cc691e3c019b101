"""Quotes with speakers, cues and citations, on KCNA-style and news sentences."""

from __future__ import annotations

import pytest

from dossier.annotate.quotes import find_citations, find_quotes
from dossier.model import Mention
from dossier.packs import Pack

Row = tuple[str, str, str | None, str | None, str | None]


def rows(text: str, pack: Pack, mentions: tuple[Mention, ...] = ()) -> list[Row]:
    citations = find_citations(text, pack=pack)
    quotes = find_quotes(text, pack=pack, mentions=mentions, citations=citations)
    return [(q.kind, q.text, q.speaker, q.cue, q.via) for q in quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Kim Jong Un said, "We will never give up the nuclear deterrent."',
            [
                (
                    "direct",
                    "We will never give up the nuclear deterrent.",
                    "Kim Jong Un",
                    "said",
                    None,
                )
            ],
        ),
        (
            '"The U.S. is the root cause of the tension," KCNA said.',
            [
                (
                    "direct",
                    "The U.S. is the root cause of the tension,",
                    "KCNA",
                    "said",
                    None,
                )
            ],
        ),
        (
            "KCNA noted in a commentary: “The U.S. must stop its provocations.”",
            [
                (
                    "direct",
                    "The U.S. must stop its provocations.",
                    "KCNA",
                    "noted in a commentary",
                    None,
                )
            ],
        ),
        (
            "Pyongyang, May 3 (KCNA) -- The spokesman told KCNA that the drills were"
            ' "a dangerous provocation".',
            [
                (
                    "direct",
                    'that the drills were "a dangerous provocation',
                    "The spokesman",
                    "told",
                    None,
                )
            ],
        ),
        (
            "KCNA quoted the DPRK defence minister, Kim Yong Chun as stating at the"
            " rally"
            " that, “the CPV’s entry into the Korean front was a living example of"
            " proletarian internationalism.”",
            [
                (
                    "direct",
                    "the CPV’s entry into the Korean front was a living example of"
                    " proletarian internationalism.",
                    "Kim Yong Chun",
                    "quoted the DPRK defence minister, Kim Yong Chun as stating",
                    "KCNA",
                )
            ],
        ),
        (
            "According to KCNA, “the meeting discussed the results of the visit.”",
            [
                (
                    "direct",
                    "the meeting discussed the results of the visit.",
                    "KCNA",
                    "According to",
                    None,
                )
            ],
        ),
        (
            "“The meeting was a success,” according to Rodong Sinmun.",
            [
                (
                    "direct",
                    "The meeting was a success,",
                    "Rodong Sinmun",
                    "according to",
                    None,
                )
            ],
        ),
        (
            "“He told me, ‘Never give up,’ and I never did,” Kim Yo Jong said.",
            [
                (
                    "direct",
                    "He told me, ‘Never give up,’ and I never did,",
                    "Kim Yo Jong",
                    "said",
                    None,
                )
            ],
        ),
        (
            "Kim Jong Il arrived in Beijing on Friday. “The friendship is eternal,” he"
            " said.",
            [("direct", "The friendship is eternal,", "Kim Jong Il", "said", None)],
        ),
        (
            "''It's more tinkering at the edges,'' said Alan Cole, an economist.",
            [
                (
                    "direct",
                    "It's more tinkering at the edges,",
                    "Alan Cole",
                    "said",
                    None,
                )
            ],
        ),
    ],
)
def test_find_quotes_direct_speech(text: str, expected: list[Row], pack: Pack) -> None:
    assert rows(text, pack) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Bush administration put the DPRK on its so-called “axis of evil”"
            " list.",
            [("scare", "axis of evil", None, None, None)],
        ),
        (
            'On a world scale the peoples are rising against the so-called "new world'
            ' order" of U.S. imperialism.',
            [("scare", "new world order", None, None, None)],
        ),
        (
            "Campaigners only paid lip-service to the revolution and competed for"
            " “hegemony”, divorced from the masses.",
            [("scare", "hegemony", None, None, None)],
        ),
        (
            'The U.S. is resorting to its "lattice-like fence alliance" policy.',
            [("scare", "lattice-like fence alliance", None, None, None)],
        ),
        (
            "A song titled “Women Are Flowers” was sung.",
            [("scare", "Women Are Flowers", None, None, None)],
        ),
        (
            "The Workers’ Party of Korea and the people’s army marked the ’07"
            " anniversary"
            " of the soldiers’ oath.",
            [],
        ),
    ],
)
def test_find_quotes_scare_quotes_and_apostrophes(
    text: str, expected: list[Row], pack: Pack
) -> None:
    assert rows(text, pack) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Comrade Kim Il Sung visited the factory. Later, he recollected as follows:"
            " We young communists learned the important lesson.",
            [
                (
                    "reported",
                    "We young communists learned the important lesson.",
                    "Kim Il Sung",
                    "recollected",
                    None,
                )
            ],
        ),
        (
            "Comrade Kim Il Sung began his activities in China. Here is how he recalls"
            " those days in his memoirs With the Century:\n\nAn important aspect of our"
            " struggle is the fact that we organised the IAF.\n\n“First of all, the"
            " Soviet Union benefited greatly from this.”\n\nThis solidarity continued.",
            [
                (
                    "reported",
                    "An important aspect of our struggle is the fact that we organised"
                    " the IAF.\n\n“First of all, the Soviet Union benefited greatly"
                    " from"
                    " this.",
                    "Kim Il Sung",
                    "recalls those days in his memoirs",
                    None,
                )
            ],
        ),
        (
            "The delegation was received by President Kim Il Sung. The President noted"
            " that the talks were a success.",
            [("reported", "the talks were a success", "Kim Il Sung", "noted", None)],
        ),
        (
            "Secret Service protocol called for the nominee to be taken to a trauma"
            " center, sources said.",
            [
                (
                    "reported",
                    "Secret Service protocol called for the nominee to be taken to a"
                    " trauma center",
                    "sources",
                    "said",
                    None,
                )
            ],
        ),
    ],
)
def test_find_quotes_reported_speech(
    text: str, expected: list[Row], pack: Pack
) -> None:
    assert rows(text, pack) == expected


def test_find_quotes_block_quote_of_three_paragraphs_and_its_citation(
    pack: Pack,
) -> None:
    text = (
        "Marking the anniversary, KCNA noted in a commentary:\n\n"
        "“Sixty years have elapsed.\n\n“The volunteers fought valiantly.\n\n"
        "“They restored damaged bridges.” "
        "(‘Friendship Forged in Blood’, KCNA, 21 October 2010)"
    )
    citations = find_citations(text, pack=pack)
    (quote,) = find_quotes(text, pack=pack, citations=citations)
    assert quote.kind == "direct"
    assert quote.text == (
        "Sixty years have elapsed.\n\n“The volunteers fought valiantly.\n\n"
        "“They restored damaged bridges."
    )
    assert (quote.speaker, quote.cue) == ("KCNA", "noted in a commentary")
    assert quote.citation == 0
    assert citations[0].title == "Friendship Forged in Blood"


def test_find_quotes_citation_on_its_own_line_after_a_block(pack: Pack) -> None:
    text = (
        "Several days later, KCNA stressed:\n\n“The friendship is a precious asset.\n\n"
        "“No force on earth can break it.”\n\n"
        "(‘Precious Asset of Two Peoples’, KCNA, 26 October 2010)\n\nComments are"
        " closed."
    )
    citations = find_citations(text, pack=pack)
    (quote,) = find_quotes(text, pack=pack, citations=citations)
    assert quote.citation == 0
    assert quote.speaker == "KCNA"


def test_find_quotes_leave_citation_titles_out(pack: Pack) -> None:
    text = "“We are one.” (‘One Nation’, KCNA, 6 June 2011)"
    citations = find_citations(text, pack=pack)
    quotes = find_quotes(text, pack=pack, citations=citations)
    assert [q.text for q in quotes] == ["We are one."]


def test_find_quotes_resolve_the_president_with_mentions(pack: Pack) -> None:
    text = (
        "President Kim Il Sung met the volunteers. The President said: “You are our"
        " brothers.”"
    )
    mention = Mention(10, 21, "Kim Il Sung", "Kim Il Sung", "PERSON", "President")
    (quote,) = find_quotes(text, pack=pack, mentions=[mention])
    assert (quote.speaker, quote.cue) == ("Kim Il Sung", "said")
    assert text[quote.speaker_start : quote.speaker_end] == "The President"


def test_find_quotes_resolve_he_to_the_last_subject(pack: Pack) -> None:
    text = (
        "Kim Jong Un inspected the site with Choe Son Hui. He stressed, “We must build"
        " more.”"
    )
    mentions = [
        Mention(0, 11, "Kim Jong Un", "Kim Jong Un", "PERSON"),
        Mention(36, 48, "Choe Son Hui", "Choe Son Hui", "PERSON"),
    ]
    (quote,) = find_quotes(text, pack=pack, mentions=mentions)
    assert quote.speaker == "Kim Jong Un"
    assert text[quote.speaker_start : quote.speaker_end] == "He"


def test_find_quotes_name_speakers_by_their_mention(pack: Pack) -> None:
    text = "Comrade Kim Jong-un said: “The plan is fulfilled.”"
    mention = Mention(8, 19, "Kim Jong-un", "Kim Jong Un", "PERSON", "Comrade")
    (quote,) = find_quotes(text, pack=pack, mentions=[mention])
    assert quote.speaker == "Kim Jong Un"
    assert (quote.speaker_start, quote.speaker_end) == (8, 19)


def test_find_quotes_join_a_quote_split_by_its_cue(pack: Pack) -> None:
    text = "“We are ready,” Ri Son Gwon said. “The enemy will be crushed.”"
    (quote,) = find_quotes(text, pack=pack)
    assert quote.text == "We are ready,” Ri Son Gwon said. “The enemy will be crushed."
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Ri Son Gwon", "said")


def test_find_quotes_spans_and_cue_spans_point_into_the_text(pack: Pack) -> None:
    text = (
        "KCNA quoted the minister, Pak Jong Chon as saying that, “the drills are over.”"
    )
    (quote,) = find_quotes(text, pack=pack)
    assert text[quote.start : quote.end] == quote.text
    assert quote.cue_start is not None and quote.cue_end is not None
    assert text[quote.cue_start : quote.cue_end] == quote.cue
    assert quote.speaker == "Pak Jong Chon"
    assert quote.via == "KCNA"


def _kinds(text: str, pack: Pack) -> list[tuple[str, str, str | None]]:
    from dossier.annotate.entities import find_mentions

    mentions = find_mentions(text, pack=pack)
    citations = find_citations(text, pack=pack)
    return [
        (q.kind, q.text, q.speaker)
        for q in find_quotes(text, pack=pack, mentions=mentions, citations=citations)
    ]


def test_writer_set_off_phrases_are_scare_quotes(pack: Pack) -> None:
    text = (
        'Japan, a war criminal state, is throwing away the veil of "pacifist '
        'country" and "exclusive defense", with the ambition to become the "leader".'
        "\nThis reveals the attempt of the U.S. to demonstrate the "
        '"superiority of strength".'
    )
    assert [k for k, _, _ in _kinds(text, pack)] == ["scare"] * 4


def test_partial_quotes_of_a_speaker_stay_speech(pack: Pack) -> None:
    text = (
        'Cruz called Trump a "pathological liar" who is "utterly amoral," a '
        '"serial philanderer." Trump tweeted that Machado was "disgusting" and "a con".'
    )
    assert _kinds(text, pack) == [
        ("direct", 'Trump a "pathological liar" who is "utterly amoral," a '
         '"serial philanderer.', "Cruz"),
        ("direct", 'that Machado was "disgusting" and "a con', "Trump"),
    ]  # fmt: skip


def test_a_statements_title_is_its_issuers_words(pack: Pack) -> None:
    text = (
        "A spokesman for the Foreign Ministry of the Democratic People's Republic "
        'of Korea released the following press statement titled "U.S. will be '
        'made to pay dear price for its act":\nThe text follows.\n\n'
        "Kim Yo Jong, vice department director, released on Tuesday the following "
        'press statement "An abnormal object appeared at Pusan Port":\nMore.'
    )
    assert [(k, s) for k, _, s in _kinds(text, pack)] == [
        ("direct", "Ministry of Foreign Affairs of the DPRK"),
        ("direct", "Kim Yo Jong"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A mixed quote: the paraphrased lead-in and the quoted words are one
        # statement, from the cue's complement to the closing mark.
        (
            "Trump said on Friday that voting fraud is “a big, big problem in this"
            " country.”",
            "that voting fraud is “a big, big problem in this country.",
        ),
        (
            "Clinton described her rival as a “con artist” in a speech.",
            "her rival as a “con artist",
        ),
        # A comma or a colon sets the passage apart: no lead-in.
        (
            "Kim Jong Un said in his speech, “We will never give up.”",
            "We will never give up.",
        ),
        (
            "The minister said: “The drills must stop at once, all of them.”",
            "The drills must stop at once, all of them.",
        ),
    ],
)
def test_find_quotes_mixed_quote_lead_in(text: str, expected: str, pack: Pack) -> None:
    quotes = find_quotes(text, pack=pack)
    assert [q.text for q in quotes if q.kind == "direct"] == [expected]


def test_quoted_fragment_inside_reported_speech_is_reported(pack: Pack) -> None:
    # The writer's clause runs on past the closing mark: the quoted words are
    # a fragment of indirect speech, reported to the clause's end.
    text = "Trump said on Friday that he has “big plans” for the city of Detroit."
    quotes = find_quotes(text, pack=pack)
    assert [(q.kind, q.text) for q in quotes] == [
        ("reported", "that he has “big plans” for the city of Detroit")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Titles of speeches, letters and laws are no speech, however long.
        "In his speech “Let Us Advance Under the Banner of Marxism-Leninism and"
        " the Juche Idea” he set out the tasks.",
        "The lawmakers in the house passed the “Justice Against Sponsors of"
        " Terrorism and Hostage Taking Act” on a vote that was taken on Friday.",
    ],
)
def test_long_titles_of_works_are_no_direct_quotes(text: str, pack: Pack) -> None:
    assert [q.kind for q in find_quotes(text, pack=pack)] == ["scare"]


def test_title_case_speech_after_said_stays_direct(pack: Pack) -> None:
    text = "He said, “We Will Never Give Up Our Nuclear Deterrent And Our Right.”"
    assert [q.kind for q in find_quotes(text, pack=pack)] == ["direct"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A rubric before a headline's colon labels the piece: no speaker.
        (
            "Study: Trump Voters Are ‘Deeply Worried’ About Health\n\nVoters worry.",
            None,
        ),
        ("Pence: Trump Was ‘Mocking’ Clinton Camp\n\nPence spoke on Sunday.", "Pence"),
    ],
)
def test_headline_rubric_is_no_speaker(
    text: str, speaker: str | None, pack: Pack
) -> None:
    assert [q.speaker for q in find_quotes(text, pack=pack)] == [speaker]
