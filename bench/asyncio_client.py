#!/usr/bin/env python3
"""A peer for bench/compare: "the book's asyncio client", written afresh in the spirit of
Fluent Python's flags_asyncio.py (20-executors/getflags): one task per country code, an
asyncio.Semaphore for the concurrency, httpx.AsyncClient, results taken with as_completed.

    asyncio_client.py BASE_URL OUT_DIR CONCURRENCY CC [CC ...]

Saves BASE_URL/cc/cc.gif as OUT_DIR/cc.gif. Exits 1 if any flag failed, so that bench/compare
sees the failure (it also checks every file). Needs httpx (Debian: python3-httpx).
"""

import asyncio
import sys
from pathlib import Path

import httpx


async def get_flag(client: httpx.AsyncClient, semaphore: asyncio.Semaphore, base_url: str,
                   cc: str) -> tuple[str, bytes]:
    async with semaphore:  # at most CONCURRENCY requests in flight
        response = await client.get(f'{base_url}/{cc}/{cc}.gif')
    response.raise_for_status()
    return cc, response.content


async def download_many(base_url: str, out_dir: Path, concurrency: int, codes: list[str]) -> int:
    semaphore = asyncio.Semaphore(concurrency)
    # A pool as large as the concurrency: httpx keeps only 20 idle connections by default, which
    # would make this peer reconnect at -m 30 and handicap it.
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    failed = 0
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        tasks = [asyncio.create_task(get_flag(client, semaphore, base_url, cc)) for cc in codes]
        for next_done in asyncio.as_completed(tasks):
            try:
                cc, image = await next_done
            except httpx.HTTPError as error:
                print(f'asyncio_client: {error!r}', file=sys.stderr)
                failed += 1
                continue
            (out_dir / f'{cc}.gif').write_bytes(image)
    return failed


def main(argv: list[str]) -> int:
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    base_url, out_dir, concurrency, codes = argv[1].rstrip('/'), Path(argv[2]), int(argv[3]), argv[4:]
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = asyncio.run(download_many(base_url, out_dir, concurrency, codes))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
