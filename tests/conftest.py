"""Shared fixtures: the bundled pack, the third-party corpus beside the repo,
and the builds of it that several modules read (made once per session)."""

from __future__ import annotations

import gc
import gzip
import json
import statistics
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

import dossier
from dossier.packs import Pack, load_pack
from tests import bytecode, processes, properties
from tests.shared import Builds, Shared, session_folder

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"

# Property tests: a tenth of the default count, no timing checks
# (tests/properties.py); loaded before the test modules make their `@settings`.
settings.load_profile(properties.PROFILE)


# Session builds of kcna-2024 (tests/shared.py), tens of CPU seconds each:
# a worker whose module needs one while another worker makes it waits idle.
# The copies and reuse modules read the annotated kcna-2024 too (a bare build
# for them alone cost more than annotating what they add); html-dev's pages
# are built once for their locators and the articles floor.
HEAVY_BUILDS = frozenset({"kcna_built", "html_built"})

# The modules whose tests fork from the session's forkserver (fixture
# `forkserver`): under xdist one worker takes them as one unit, so one
# server is started and warmed (`tests.warm`, some 2.5 CPU s). Split over
# both workers, each started one (issue 14, part 7). A pool build forks from
# the same server: started by the pool itself on the other worker, it cost
# that worker another server, and when a forkserver-started link pool had
# started it first, it imported nothing and each pool worker compiled the
# pack cold (`test_streaming.py`'s pool test 3.3 CPU s, its module's end 3.2
# more reaping them). Checked when a worker collects: a module using the
# fixture and missing here is an error; and after each test, a forkserver
# this process runs that the fixture did not start fails the test that
# started it (`_no_cold_forkserver`).
FORKING = frozenset(
    {
        "tests/engine/test_aside.py",
        "tests/engine/test_dask.py",
        "tests/engine/test_link_pool.py",
        "tests/link/test_signing.py",
        "tests/store/test_build_failures.py",
        "tests/store/test_concurrency.py",
        "tests/store/test_kill_phases.py",
        "tests/store/test_streaming.py",
    }
)


# Each module's CPU seconds in a whole run (`python -m tests.cputime PREFIX
# --write-costs tests/module_costs.json`). Within its rank below a module
# with more to do is handed out first, so both xdist workers end on small
# ones: in collection order the last modules were among the costliest not
# marked slow (`test_offset_columns.py`, `test_patterns.py`: 5 CPU s), and
# the workers ended 10 s apart (issue 14, part 7). A module not in the file
# counts as the median one; the figures only order, so old ones do no harm.
MODULE_COSTS = ROOT / "tests" / "module_costs.json"


def _module_costs() -> dict[str, float]:
    if not MODULE_COSTS.is_file():
        return {}
    costs: dict[str, float] = json.loads(MODULE_COSTS.read_text(encoding="utf-8"))
    return costs


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules with a test marked `slow` first, each module's tests kept
    together and in order. With pyproject's `--dist loadscope` an xdist
    worker takes a whole module at a time in this order (its module
    fixtures made once), so the long modules start at once and the short
    ones even out the end: a slow module last left one worker running
    alone for a minute or more (issue 14, part 7).

    Among the slow modules, the first to need each heavy shared build comes
    first, so the builds start at once and on different workers, and the
    others needing one of them come after the rest of the slow modules, when
    it is made: in collection order, a second kcna-2024 module reached a
    worker while the first was still building it, and waited some 50 s.
    Within each later rank, the costliest modules first (MODULE_COSTS)."""
    unlisted = {
        module
        for item in items
        if "forkserver" in item.fixturenames
        and (module := item.nodeid.split("::")[0]) not in FORKING
    }
    if unlisted:
        raise pytest.UsageError(
            f"{', '.join(sorted(unlisted))} fork from the session's forkserver:"
            " add them to FORKING in tests/conftest.py"
        )
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    needs: dict[Path, set[str]] = {}
    for item in items:
        needs.setdefault(item.path, set()).update(
            HEAVY_BUILDS.intersection(item.fixturenames)
        )
    claimed: set[str] = set()
    rank: dict[Path, int] = {}
    for path, builds in needs.items():  # modules in collection order
        if path not in slow:
            rank[path] = 3
        elif not builds:
            rank[path] = 1
        elif builds & claimed:
            rank[path] = 2
        else:
            rank[path] = 0
            claimed |= builds
    costs = _module_costs()
    usual = statistics.median(costs.values()) if costs else 0.0

    def order(item: pytest.Item) -> tuple[int, float]:
        if rank[item.path] == 0:
            return (0, 0.0)  # the first users of the builds, as collected
        return (rank[item.path], -costs.get(item.nodeid.split("::")[0], usual))

    items.sort(key=order)


# Full collections at a tenth of Python's rate (threshold 10 -> 100), each
# then scanning only what the tests made: the collected suite (test modules,
# parametrize tables, the pack compiled at collection) is frozen out of the
# collector's reach. On `tests/annotate tests/segment` and three modules
# that build (the kcna-2024 session build among them), the collector's
# CPU went 3.35 -> 1.05 s of some 35 (issue 14, part 7). Nothing tested
# waits on a collection: finalizers of cycles run at the next one, and
# pytest collects at the end to report what is left unraisable.
FULL_COLLECTIONS_EVERY = 100


def pytest_collection(session: pytest.Session) -> None:
    """Under xdist, this worker's share of the bytecode a fresh clone lacks
    written before collecting (tests/bytecode.py), and Hypothesis's Unicode
    tables made by one worker for all (tests/properties.py)."""
    bytecode.share(session.config, ROOT / "tests", Path(dossier.__file__).parent)
    properties.share_tables()


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTIONS_EVERY)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """pyproject's `--dist loadscope`, with the FORKING modules one unit."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            return "forking modules" if scope.split("::")[0] in FORKING else scope

    return Scheduling(config, log)


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack("korea")


@pytest.fixture(scope="session")
def corpus() -> Path:
    """../shared/corpus, or a skip saying why when it is absent."""
    if not (CORPUS / "seeds").is_dir():
        pytest.skip(f"third-party corpus not found at {CORPUS} (kept outside the repo)")
    return CORPUS


@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(session_folder(tmp_path_factory))


@pytest.fixture(scope="session")
def examples_built(builds: Builds) -> Shared:
    """examples/ built, read-only (copy it to write)."""
    return builds.build("examples", [EXAMPLES])


@pytest.fixture(scope="session")
def seeds_built(corpus: Path, builds: Builds) -> Shared:
    """The seeds built, read-only (copy it to write)."""
    return builds.build("seeds", [corpus / "seeds"])


@pytest.fixture(scope="session")
def kcna_jsonl(corpus: Path) -> Path:
    return corpus / "kcna-2024" / "kcna-2024.jsonl"


@pytest.fixture(scope="session")
def kcna_built(kcna_jsonl: Path, builds: Builds) -> Shared:
    """kcna-2024 built and annotated, read-only (copy it to write)."""
    return builds.build("kcna", [kcna_jsonl])


@pytest.fixture(scope="session")
def html_pages(corpus: Path, builds: Builds) -> Path:
    """html-dev's pages unzipped once per session (a build reads `.html`):
    NAME.html here is corpus/html-dev/html/NAME.html.gz. Read-only."""

    def unzip(folder: Path) -> None:
        for page in sorted((corpus / "html-dev" / "html").glob("*.html.gz")):
            target = folder / page.name.removesuffix(".gz")
            target.write_bytes(gzip.decompress(page.read_bytes()))

    return builds.folder("html-dev-pages", unzip)


@pytest.fixture(scope="session")
def html_built(html_pages: Path, builds: Builds) -> Shared:
    """html-dev's pages built and annotated, read-only (copy it to write)."""
    return builds.build("html-dev", [html_pages])


@pytest.fixture(scope="session")
def forkserver() -> Iterator[None]:
    """multiprocessing's forkserver started warm (tests/processes.py) for
    what forks from it (commands, Dask workers); stopped at the session's
    end, so its CPU is counted."""
    processes.start_server()
    yield
    processes.stop()


@pytest.fixture(autouse=True)
def _no_cold_forkserver(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that started multiprocessing's forkserver without the
    `forkserver` fixture (a pool build, a forkserver link pool) fails: every
    later fork of this worker would start cold, as slow as a new
    interpreter, and that worker pays for a second server."""
    yield
    cold = processes.cold_server()
    if cold is not None:
        pytest.fail(
            f"{request.node.nodeid} started multiprocessing's forkserver cold:"
            " have it use the `forkserver` fixture and list its module in"
            " FORKING in tests/conftest.py",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def start_dossier(forkserver: None) -> Callable[..., processes.Command]:
    """`start_dossier(ARGS, stderr=PATH)`: `dossier ARGS...` in a process of
    its own, forked warm (tests/processes.py)."""
    return processes.start
