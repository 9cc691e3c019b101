"""Records cross process boundaries (pool and dask workers) as pickles."""

from __future__ import annotations

import pickle
from pathlib import Path

from dossier.model import Annotations, Mention, Metadata, Sentence, TimeExpression
from dossier.packs import load_pack
from dossier.pipeline import run_file
from dossier.settings import Settings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_record_pickles_as_its_fields() -> None:
    mention = Mention(4, 15, "Kim Il Sung", "Kim Il Sung", "PERSON", title="President")
    # Rebuilt from the values in field order, not by the generic __setstate__.
    assert mention.__reduce__() == (
        Mention,
        (4, 15, "Kim Il Sung", "Kim Il Sung", "PERSON", "President", None, None),
    )
    assert pickle.loads(pickle.dumps(mention)) == mention


def test_annotations_round_trip_with_defaults() -> None:
    annotations = Annotations(
        sentences=(Sentence(0, 10),),
        times=(TimeExpression(0, 4, "1950", "DATE", "1950", "1950-01-01", None),),
        entity_keys={"Kim Il Sung": "kim il sung"},
    )
    again = pickle.loads(pickle.dumps(annotations, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == annotations
    assert again.times[0].last_day is None
    assert pickle.loads(pickle.dumps(Metadata())) == Metadata()


def test_file_result_round_trips_whole() -> None:
    result = run_file(EXAMPLES / "wire.jsonl", load_pack(), Settings())
    assert result.sources and result.sources[0].documents[0].annotations
    again = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == result
    document = again.sources[0].documents[0]
    assert document.offsets.to_raw(0, 5) == result.sources[0].documents[
        0
    ].offsets.to_raw(0, 5)
