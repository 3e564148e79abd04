"""The publish tests run against a real Radicale (see tests/caldav_server.py)."""

from caldav_server import fresh_radicale, radicale

__all__ = ["fresh_radicale", "radicale"]
