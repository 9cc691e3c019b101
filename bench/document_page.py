"""CPU, HTML size and peak memory of one document page (issue 17): the web
page of a long document, fetched in process with FastAPI's TestClient in a
fresh process, so the peak RSS is this request's.

    PYTHONPATH=src python bench/document_page.py --db DB --doc ID [--query raw=1]
"""

from __future__ import annotations

import argparse
import json
import resource
import time

from fastapi.testclient import TestClient

from dossier.present.web.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--doc", required=True)
    parser.add_argument("--query", default="", help="e.g. raw=1 or mark=500-510")
    args = parser.parse_args()
    client = TestClient(create_app(args.db))
    client.get("/docs")  # warm: the app's start-up is not the page's cost
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu = time.process_time()
    wall = time.perf_counter()
    url = f"/doc/{args.doc}" + (f"?{args.query}" if args.query else "")
    response = client.get(url)
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "url": url,
                "status": response.status_code,
                "cpu_s": round(cpu, 3),
                "wall_s": round(wall, 3),
                "html_bytes": len(response.content),
                "peak_rss_mb": round(peak / 1024),
                "rss_before_mb": round(before / 1024),
            }
        )
    )


if __name__ == "__main__":
    main()
