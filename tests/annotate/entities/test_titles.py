"""Titles and honorifics: stripped from the name, kept on the mention."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dossier.model import Mention


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("led by Comrade Kim Il Sung, stepped forward", "Kim Il Sung", "Comrade"),
        ("formed by President Kim Il Sung falls on", "Kim Il Sung", "President"),
        ("a diary entry of US President Truman:", "Truman", "US President"),
        (
            "The respected ComradeKim Jong Un received",
            "Kim Jong Un",
            "respected Comrade",
        ),
        (
            "by the then south Korean President Kim Dae Jung in 2000",
            "Kim Dae Jung",
            "south Korean President",
        ),
        (
            "KCNA quoted the DPRK defence minister, Kim Yong Chun as stating",
            "Kim Yong Chun",
            "DPRK defence minister",
        ),
        ("Apple CEO Steve Jobs unveiled", "Steve Jobs", "Apple CEO"),
        ("Spokeswoman Sandy Angers said", "Sandy Angers", "Spokeswoman"),
        ("Senator John McCain wrote", "John McCain", "Senator"),
        # An honorific's full stop ends no clause.
        ("greeted by Mr. Lee Hsien Loong, at the airport", "Lee Hsien Loong", "Mr."),
        (
            "Chairman Mao's son, Comrade Mao Anying, laid down his life",
            "Mao Anying",
            "Comrade",
        ),
        (
            "Letter to Comrade Kim Jong Il, General Secretary of the Workers' Party "
            "of Korea\n",
            "Kim Jong Il",
            "Comrade",
        ),
        (
            "--Kim Jong Un, general secretary of the Workers’ Party of Korea, received",
            "Kim Jong Un",
            "general secretary of the Workers’ Party of Korea",
        ),
        (
            "Kim Tok Hun, member of the Presidium of the Political Bureau, guided",
            "Kim Tok Hun",
            "member of the Presidium of the Political Bureau",
        ),
        (
            "It was conveyed by Jane Doe, chair of the committee, to",
            "Jane Doe",
            "chair of the committee",
        ),
        (
            "Kim Yong Chun, the defence minister, said",
            "Kim Yong Chun",
            "defence minister",
        ),
        ("Lobov, the air force commander, said", "Lobov", "air force commander"),
    ],
)
def test_title_is_kept_on_the_mention(
    mentions: Callable[[str], list[Mention]], text: str, name: str, title: str
) -> None:
    found = {m.text: m for m in mentions(text)}
    assert name in found
    assert found[name].title == title
    assert found[name].type == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kim Il Sung, the great leader of the Korean people, died", "Kim Il Sung"),
        ("Pyongyang, June 2 (KCNA) -- Members", "Pyongyang"),
        ("Guo Boxiong, KCNA continued:", "Guo Boxiong"),
    ],
)
def test_no_title_where_none_is_printed(
    mentions: Callable[[str], list[Mention]], text: str, name: str
) -> None:
    found = {m.text: m for m in mentions(text)}
    if name == "Kim Il Sung":
        assert found[name].title == "great leader of the Korean people"
    else:
        assert found[name].title is None


def test_title_is_not_part_of_the_entity(
    mentions: Callable[[str], list[Mention]],
) -> None:
    found = mentions("General Secretary Kim Jong Un and Comrade Kim Jong Un")
    assert [m.entity for m in found] == ["Kim Jong Un", "Kim Jong Un"]
    assert [m.text for m in found] == ["Kim Jong Un", "Kim Jong Un"]
