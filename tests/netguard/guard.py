"""Patch ``socket.socket.connect`` (and ``connect_ex``, ``create_connection``, ``getaddrinfo`` for
non-local names) to refuse non-loopback addresses and record each attempt."""

from __future__ import annotations

import ipaddress
import socket

attempts: list[str] = []
_log_path: str | None = None
_original_connect = socket.socket.connect
_original_connect_ex = socket.socket.connect_ex


def _is_local(address) -> bool:
    if isinstance(address, str):  # AF_UNIX path
        return True
    if isinstance(address, bytes):
        return True
    host = address[0] if isinstance(address, tuple) and address else address
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _record(address) -> None:
    entry = repr(address)
    attempts.append(entry)
    if _log_path:
        with open(_log_path, "a", encoding="utf-8") as handle:
            handle.write(entry + "\n")


def _connect(self, address):
    if getattr(self, "family", None) == socket.AF_UNIX or _is_local(address):
        return _original_connect(self, address)
    _record(address)
    raise ConnectionRefusedError(f"network guard: refused connection to {address!r}")


def _connect_ex(self, address):
    if getattr(self, "family", None) == socket.AF_UNIX or _is_local(address):
        return _original_connect_ex(self, address)
    _record(address)
    return 111


def install(log_path: str | None = None) -> None:
    global _log_path
    _log_path = log_path
    socket.socket.connect = _connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]


def uninstall() -> None:
    socket.socket.connect = _original_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _original_connect_ex  # type: ignore[method-assign]
