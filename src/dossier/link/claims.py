"""Compare claims across sources: which disagree for real, which agree, and why.

Claims (see `store.claims`) are compared only when they answer one question:
the same subject (an entity, or the counted noun), the same measure (killed,
built, ...), the same language, both running totals or both one event's
count, and time scopes that overlap. Each group gets a verdict (`conflict`,
`agree`, `unrelated`) and the `reason` for it. Sources are counted as
independent texts: copies of one text, and texts that repeat each other's
passages (`_source`), count once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Any

# Counted nouns that measure the same thing: "a million volunteers" and
# "nearly three million fighters" of one army are two answers to one question.
UNIT_CLASSES = {
    "personnel": {
        "fighter",
        "volunteer",
        "soldier",
        "troop",
        "serviceman",
        "servicemen",
        "men",
        "officer",
        "personnel",
        "combatant",
        "guerrilla",
        "army",
    },
    "people": {"people", "person", "civilian", "inhabitant", "resident"},
    "aircraft": {"plane", "aircraft", "bomber", "fighter-bomber", "jet"},
    "housing": {"house", "flat", "dwelling", "home", "apartment"},
}


def unit_class(unit: str | None) -> str | None:
    """The class of a counted noun ("fighters" -> personnel), or its singular."""
    if not unit:
        return None
    word = unit.strip().lower().split()[-1]
    singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if word.endswith("ies") and len(word) > 4:
        singular = word[:-3] + "y"  # countries, families, cities
    for name, members in UNIT_CLASSES.items():
        if word in members or singular in members:
            return name
    return singular


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("_day") and b.get("_day") and a["_day"] != b["_day"]:
        return False  # one event, two days: April 15 is not April 16
    return bool(a["low"] <= b["high"] and b["low"] <= a["high"])


def independent_text(claim: dict[str, Any]) -> str:
    """The independent source a claim stands for: its copy group joined with
    the texts it repeats passages of (`_source`), else its document."""
    return str(claim.get("_source") or claim.get("copy_of") or claim["doc"])


def public(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim without the private fields comparison reads."""
    return {k: v for k, v in claim.items() if not k.startswith("_")}


def _subject_key(claim: dict[str, Any]) -> str | None:
    subject = claim.get("subject")
    if not subject:
        return None
    what = unit_class(claim.get("unit"))
    return f"{subject}|{what}" if subject != claim.get("unit") else what


# Languages whose figures the rules read (counted nouns, measure words,
# hedges are English): a Spanish story's "15 de agosto" is no count.
READ_LANGUAGES = ("en",)


def not_comparable(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    """Why claims `a` and `b` (same subject, measure, language) do not answer
    one question, or None when they do."""
    # Either side's language counts: the check must not depend on which
    # claim comes first (a text too short to tell takes the usual language).
    for language in (a.get("language"), b.get("language")):
        if language and language not in READ_LANGUAGES:
            return f"figures in a language the rules do not read ({language})"
    if bool(a.get("cumulative")) != bool(b.get("cumulative")):
        return "a running total and a count of one event"
    named = a.get("_named_subject", True) and b.get("_named_subject", True)
    scope_a, scope_b = _scope(a, named), _scope(b, named)
    if scope_a is None or scope_b is None:
        if not named:
            return "no date says which event each count is about"
    elif a.get("cumulative") and scope_a != scope_b:
        return f"running totals as of different dates ({scope_a[0]}, {scope_b[0]})"
    elif scope_a[1] < scope_b[0] or scope_b[1] < scope_a[0]:
        return f"about different dates ({_days(scope_a)}, {_days(scope_b)})"
    if not named and not set(a.get("_entities", ())) & set(b.get("_entities", ())):
        return "the sentences name nothing in common: may be different events"
    return None


def _scope(claim: dict[str, Any], named: bool) -> tuple[str, str] | None:
    scope = claim.get("scope")
    if not scope:
        return None
    if named and scope.get("text") is None and not claim.get("cumulative"):
        # A named army or party is counted over its history: the day a story
        # ran does not say which day its figure is about.
        return None
    return str(scope["first_day"]), str(scope["last_day"])


def _days(scope: tuple[str, str]) -> str:
    return scope[0] if scope[0] == scope[1] else f"{scope[0]}..{scope[1]}"


def _figure(claim: dict[str, Any]) -> str:
    low, high = claim["low"], claim["high"]
    if claim.get("measure") == "date":
        shown = claim.get("_day") or (
            f"{low:.0f}" if low == high else f"{low:.0f} or {high:.0f}"
        )
        return f"'{claim['text']}' (dates it {shown}, {claim['doc']})"
    shown = f"{low:,.0f}" if low == high else f"{low:,.0f}-{high:,.0f}"
    return f"'{claim['text']}' ({shown}, {claim['doc']})"


def compare_claims(
    claims: Iterable[dict[str, Any]], *, unrelated: bool = False
) -> list[dict[str, Any]]:
    """Groups of comparable claims from two or more documents, each with a
    verdict and its reason; conflicts first, those with the most independent
    sources first. With `unrelated`, also groups of claims on one subject
    and measure that cannot be compared, with why.
    """
    groups: list[dict[str, Any]] = []
    for (key, measure, _language), members in bucket_claims(claims).items():
        groups.extend(judge(key, measure, members, unrelated=unrelated))
    return ranked(groups)


Bucket = tuple[str, str, str | None]


def bucket_claims(
    claims: Iterable[dict[str, Any]],
) -> dict[Bucket, list[dict[str, Any]]]:
    """Claims that answer one question, by subject, measure and language, in
    the order their first claim comes (which `ranked` keeps among ties)."""
    buckets: dict[Bucket, list[dict[str, Any]]] = defaultdict(list)
    claims = list(claims)
    # A text too short to tell its language is taken to be in the usual one.
    languages = Counter(c.get("language") for c in claims if c.get("language"))
    usual = languages.most_common(1)[0][0] if languages else None
    for claim in claims:
        key = _subject_key(claim)
        # Without a subject, "37,000 troops" and "a million volunteers" may
        # count different armies: such claims are listed, not compared.
        if key is not None:
            language = claim.get("language") or usual
            buckets[(key, str(claim.get("measure", "count")), language)].append(claim)
    return buckets


# Verdicts in the order groups are listed.
VERDICT_RANK = {"conflict": 0, "agree": 1, "unrelated": 2}


def ranked(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Conflicts first, those with the most independent sources first (a
    stable sort: ties keep their order)."""
    return sorted(
        groups,
        key=lambda g: (VERDICT_RANK[g["verdict"]], -g["documents"], g["subject"]),
    )


def judge(
    key: str, measure: str, members: list[dict[str, Any]], *, unrelated: bool
) -> list[dict[str, Any]]:
    """The groups of one bucket's claims with their verdicts (none when they
    come from fewer than two documents)."""
    if len({c["doc"] for c in members}) < 2:
        return []
    return _judge(key, measure, members, unrelated=unrelated)


def _judge(
    key: str, measure: str, members: list[dict[str, Any]], *, unrelated: bool
) -> list[dict[str, Any]]:
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    reasons: Counter[str] = Counter()
    pairs: Iterable[tuple[int, int]]
    fast = not unrelated and len(members) > _ALL_PAIRS and _all_read(members)
    if fast:
        # Only the groups are wanted, not every reason: claims join by rule
        # (undated ones of a named body; dated ones overlapping in time)
        # instead of pair by pair, and a pair already joined is not judged.
        for first, second in _undated_named_links(members):
            parent[find(second)] = find(first)
        for first, second in _dated_links(members):
            parent[find(second)] = find(first)
        pairs = _mixed_pairs(members)
    else:
        pairs = _candidate_pairs(members)
    for i, j in pairs:
        if fast and find(i) == find(j):
            continue
        a, b = members[i], members[j]
        if a["doc"] == b["doc"]:
            continue  # a text giving a total and a toll contradicts nothing
        why = not_comparable(a, b)
        if why is None:
            parent[find(j)] = find(i)
        else:
            reasons[why] += 1
    components: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for i, claim in enumerate(members):
        components[find(i)].append(claim)
    groups = []
    alone: list[dict[str, Any]] = []
    for component in components.values():
        if len({c["doc"] for c in component}) < 2:
            alone.extend(component)
            continue
        groups.append(_verdict(key, measure, component))
    if unrelated and alone and len({independent_text(c) for c in alone}) > 1:
        why = reasons.most_common(1)[0][0] if reasons else "not comparable"
        groups.append(_group(key, measure, alone, "unrelated", why))
    return [g for g in groups if g["verdict"] != "unrelated" or unrelated]


# Up to this many claims on one subject and measure, every pair is looked at
# (and an unrelated group can say why); past it, only claims whose dates
# overlap: "people" counted in a whole archive would be billions of pairs.
_ALL_PAIRS = 200


def _candidate_pairs(members: list[dict[str, Any]]) -> Iterator[tuple[int, int]]:
    """Pairs of claims worth comparing: all of a small group, else those
    whose scopes overlap (a sweep in date order), which are all that can be
    comparable when no undated claim may be (a counted noun without a date)."""
    if len(members) <= _ALL_PAIRS:
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                yield i, j
        return
    yield from _dated_pairs(members)
    scopes = _scopes(members)
    undated = {i for i, s in enumerate(scopes) if s is None}
    if any(c.get("_named_subject", True) for c in members):
        # A named body may be compared undated: each undated claim with all.
        for i in sorted(undated):
            for j in range(len(members)):
                if j != i and (j not in undated or j > i):
                    yield i, j


def _scopes(members: list[dict[str, Any]]) -> list[tuple[str, str] | None]:
    return [_scope(c, c.get("_named_subject", True)) for c in members]


def _dated_pairs(members: list[dict[str, Any]]) -> Iterator[tuple[int, int]]:
    """Pairs of dated claims whose scopes overlap (a sweep in date order)."""
    scopes = _scopes(members)
    dated = sorted(((scope, i) for i, scope in enumerate(scopes) if scope is not None))
    for position, ((_, last), i) in enumerate(dated):
        for (first, _), j in dated[position + 1 :]:
            if first > last:
                break
            yield min(i, j), max(i, j)


def _mixed_pairs(members: list[dict[str, Any]]) -> Iterator[tuple[int, int]]:
    """Each undated claim of a named body with each dated claim of no named
    body: the one kind of pair `_undated_named_links` and `_dated_links`
    leave to `not_comparable`."""
    if not any(c.get("_named_subject", True) for c in members):
        return
    scopes = _scopes(members)
    unnamed = [
        j
        for j, c in enumerate(members)
        if not c.get("_named_subject", True) and scopes[j] is not None
    ]
    for i, claim in enumerate(members):
        if scopes[i] is None and claim.get("_named_subject", True):
            for j in unnamed:
                yield (i, j) if i < j else (j, i)


def _dated_links(members: list[dict[str, Any]]) -> Iterator[tuple[int, int]]:
    """Unions equal to comparing every two dated claims (in a language read):
    two join when from two documents, with overlapping scopes, both counts
    or both running totals as of one date, and both of a named body or
    sharing an entity. So the claims are split into sets (the named ones;
    those naming each entity), each swept in date order by `_overlap_links`.
    """
    scopes = _scopes(members)
    sets: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, claim in enumerate(members):
        scope = scopes[i]
        if scope is None:
            continue
        cumulative = bool(claim.get("cumulative"))
        base = (cumulative, scope if cumulative else None)
        if claim.get("_named_subject", True):
            sets[(*base, True, None)].append(i)
        for entity in set(claim.get("_entities", ())):
            sets[(*base, False, entity)].append(i)
    for items in sets.values():
        yield from _overlap_links(members, scopes, items)


def _overlap_links(
    members: list[dict[str, Any]],
    scopes: list[tuple[str, str] | None],
    items: list[int],
) -> Iterator[tuple[int, int]]:
    """Links joining `items` as the graph of pairs from two documents with
    overlapping scopes joins them, without listing its pairs: in date order,
    each claim links to every live component holding a claim of another
    document that is still running; a component keeps its two latest-ending
    claims of distinct documents, enough to tell."""
    live: list[list[tuple[str, str, int]]] = []  # (last day, doc, index)
    for i in sorted(items, key=lambda i: (scopes[i], i)):
        first, last = scopes[i]  # type: ignore[misc]
        doc = str(members[i]["doc"])
        joined: list[tuple[str, str, int]] = [(last, doc, i)]
        kept = []
        for component in live:
            if component[0][0] < first:
                continue  # every claim in it ended before this one starts
            link = next((e for e in component if e[1] != doc and e[0] >= first), None)
            if link is None:
                kept.append(component)
            else:
                yield link[2], i
                joined.extend(component)
        joined.sort(reverse=True)
        best = [joined[0]]
        other = next((e for e in joined if e[1] != joined[0][1]), None)
        if other is not None:
            best.append(other)
        live = [*kept, best]


def _all_read(members: list[dict[str, Any]]) -> bool:
    return all(c.get("language") in (None, *READ_LANGUAGES) for c in members)


def _undated_named_links(members: list[dict[str, Any]]) -> Iterator[tuple[int, int]]:
    """Unions equal to comparing each undated claim of a named body with
    every claim of a named body (`not_comparable` passes such a pair when
    both are running totals or both counts, in a language read, from two
    documents), in linear time: the groups come out the same."""
    scopes = _scopes(members)
    for cumulative in (False, True):
        named = [
            i
            for i, c in enumerate(members)
            if c.get("_named_subject", True) and bool(c.get("cumulative")) == cumulative
        ]
        undated = [i for i in named if scopes[i] is None]
        docs = {members[i]["doc"] for i in undated}
        if not docs:
            continue
        if len(docs) > 1:
            # Every named claim has an undated one from another document.
            joined = named
        else:
            others = [i for i in named if members[i]["doc"] not in docs]
            joined = undated + others if others else []
        yield from pairwise(joined)


def _verdict(key: str, measure: str, claims: list[dict[str, Any]]) -> dict[str, Any]:
    sources = {independent_text(c) for c in claims}
    if len(sources) < 2:
        changed = _first_change(claims)
        why = "copies of one text: one source, not two"
        if changed:
            a, b = changed
            why = (
                f"copies of one text: one source, not two; a re-run changed the"
                f" figure ({_figure(a)}, {_figure(b)})"
            )
        return _group(key, measure, claims, "unrelated", why)
    clash = _widest_clash(claims)
    if clash:
        # The pair furthest apart says most about the disagreement.
        a, b = clash
        return _group(
            key,
            measure,
            claims,
            "conflict",
            f"{_figure(a)} and {_figure(b)} cannot both hold"
            f" ({len(sources)} independent sources)",
        )
    return _group(
        key,
        measure,
        claims,
        "agree",
        f"{len(sources)} independent sources give "
        + ("the same date" if measure == "date" else "overlapping figures"),
    )


def _first_change(claims: list[dict[str, Any]]) -> tuple[Any, Any] | None:
    """The first pair (in list order) whose figures cannot both hold, found
    from suffix extremes in one pass instead of over every pair."""
    count = len(claims)
    # For each position, the smallest high, largest low and first two
    # distinct days among the claims after it.
    least_high: list[float] = [float("inf")] * (count + 1)
    most_low: list[float] = [float("-inf")] * (count + 1)
    days: list[tuple[Any, ...]] = [()] * (count + 1)
    for i in range(count - 1, -1, -1):
        claim = claims[i]
        least_high[i] = min(least_high[i + 1], claim["high"])
        most_low[i] = max(most_low[i + 1], claim["low"])
        seen = days[i + 1]
        day = claim.get("_day")
        if day and len(seen) < 2 and day not in seen:
            seen = (*seen, day)
        days[i] = seen
    for i, a in enumerate(claims[:-1]):
        day = a.get("_day")
        later_day = bool(day) and any(d != day for d in days[i + 1])
        if later_day or least_high[i + 1] < a["low"] or most_low[i + 1] > a["high"]:
            for b in claims[i + 1 :]:
                if not _overlap(a, b):
                    return a, b
    return None


def _widest_clash(claims: list[dict[str, Any]]) -> tuple[Any, Any] | None:
    """The pair of claims from different sources that cannot both hold and
    lie furthest apart (`_gap`; ties to the first pair in list order), or None.

    Every pair's gap is the larger low over the smaller high, so claims are
    tried smallest high first against largest low first, and the search
    stops once no pair left can reach the widest gap found.
    """
    if not _any_clash(claims):
        return None
    by_high = sorted(
        range(len(claims)), key=lambda i: max(float(claims[i]["high"]), 1.0)
    )
    by_low = sorted(range(len(claims)), key=lambda i: -float(claims[i]["low"]))
    top_low = float(claims[by_low[0]]["low"])
    best = float("-inf")
    tied: list[tuple[int, int]] = []
    for x in by_high:
        below = max(float(claims[x]["high"]), 1.0)
        if top_low / below < best:
            break
        for y in by_low:
            if float(claims[y]["low"]) / below < best:
                break
            if y == x:
                continue
            i, j = min(x, y), max(x, y)
            a, b = claims[i], claims[j]
            # Each pair is seen once, from its smaller high (`_gap`'s order).
            if (i if a["high"] <= b["high"] else j) != x:
                continue
            if independent_text(a) == independent_text(b) or _overlap(a, b):
                continue
            gap = _gap(a, b)
            if gap > best:
                best, tied = gap, [(i, j)]
            elif gap == best:
                tied.append((i, j))
    i, j = min(tied)
    return claims[i], claims[j]


def _any_clash(claims: list[dict[str, Any]]) -> bool:
    """Whether two claims from different sources cannot both hold: figures
    apart (some low above another's high) or one event on two days."""
    # Per source its smallest high and largest low; the two best sources of
    # each are enough to find a pair from different sources.
    least: dict[str, float] = {}
    most: dict[str, float] = {}
    day_sources: set[str] = set()
    day_values: set[Any] = set()
    for claim in claims:
        source = independent_text(claim)
        least[source] = min(least.get(source, float("inf")), claim["high"])
        most[source] = max(most.get(source, float("-inf")), claim["low"])
        if claim.get("_day"):
            day_sources.add(source)
            day_values.add(claim["_day"])
    if len(day_sources) > 1 and len(day_values) > 1:
        return True  # two days and two sources: some pair differs in both
    lows = sorted(least.items(), key=lambda item: item[1])[:2]
    highs = sorted(most.items(), key=lambda item: -item[1])[:2]
    return any(s != t and top > bottom for s, bottom in lows for t, top in highs)


def _gap(a: dict[str, Any], b: dict[str, Any]) -> float:
    low, high = sorted((a, b), key=lambda c: c["high"])
    return float(high["low"]) / max(float(low["high"]), 1.0)


def _group(
    key: str, measure: str, claims: list[dict[str, Any]], verdict: str, reason: str
) -> dict[str, Any]:
    named = [c["subject"] for c in claims if c.get("_named_subject", True)]
    printed = named or [c["subject"] for c in claims if c.get("subject")]
    subject = Counter(printed).most_common(1)[0][0] if printed else key
    return {
        "subject": str(subject),
        "unit": unit_class(claims[0].get("unit")),
        "measure": measure,
        "verdict": verdict,
        "reason": reason,
        "documents": len({independent_text(c) for c in claims}),
        "claims": [public(c) for c in claims],
    }
