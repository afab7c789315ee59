"""Run a service in the foreground: ``python -m tests.services elasticsearch|postgres``."""

import argparse
import signal
import sys
import time

from .common import ServiceError


def main() -> int:
    parser = argparse.ArgumentParser(description="Lokale Dienste für Demo und Benchmarks starten.")
    parser.add_argument("service", choices=["elasticsearch", "postgres"])
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--heap", default="512m")
    args = parser.parse_args()
    try:
        if args.service == "elasticsearch":
            from .elasticsearch import elasticsearch_start

            server = elasticsearch_start(heap=args.heap, port=args.port)
        else:
            from .postgres import postgres_start

            server = postgres_start()
    except ServiceError as exc:
        print(f"{args.service} konnte nicht starten: {exc}", file=sys.stderr)
        return 1
    print(f"{args.service} läuft: {server.url}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while True:
            time.sleep(3600)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
