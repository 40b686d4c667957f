"""Reading a family's own Baby Buddy over HTTP without letting its address reach where it should not.

The address is the parent's to give, and a Baby Buddy on the home network (a Raspberry Pi at 192.168.1.20)
is the usual case, so private addresses are allowed. What is refused: anything but http(s); link-local and
cloud metadata addresses (169.254.0.0/16, fe80::/10, fd00:ec2::254…), where a server keeps credentials;
this server itself (loopback) unless TWOFOLD_IMPORT_ALLOW_LOOPBACK says Baby Buddy runs beside it;
unspecified, multicast and reserved addresses; a redirect or a `next` page on another host (the API key
would go with it). Each address is checked when the connection is made, on the address actually connected
to, so a name that resolves differently the second time gains nothing. Every answer is read against a
deadline and a size cap.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import IO, Any

from django.conf import settings

from twofold.imports.rows import BadFile

TIMEOUT_SECONDS = 20
# One page of 500 records is well under a megabyte; the whole read is held to the upload limit.
MAX_PAGE_BYTES = 5 * 1024 * 1024
READ_BLOCK = 64 * 1024

# Where clouds keep an instance's credentials, beyond the link-local ranges refused whole.
METADATA = (
    ipaddress.ip_network("fd00:ec2::254/128"),  # AWS over IPv6
    ipaddress.ip_network("100.100.100.200/32"),  # Alibaba Cloud
)

REFUSED = (
    "Twofold does not read from {address}: it is {what}. Give the address Baby Buddy has on your network, "
    "such as http://192.168.1.20:8000."
)
LOOPBACK = (
    "Twofold does not read from {address}: it is this server itself. If Baby Buddy runs on the same "
    "machine, whoever runs Twofold can allow it with TWOFOLD_IMPORT_ALLOW_LOOPBACK."
)
ELSEWHERE = (
    "Baby Buddy's answer sent Twofold on to another address ({address}); it was not followed, so your API "
    "key stayed with your Baby Buddy. Give the address Baby Buddy itself is at."
)
TOO_SLOW = (
    "Baby Buddy at {url} took too long to answer; nothing was imported. Try again, or check it is running."
)
TOO_LARGE = "Baby Buddy's answer from {url} was larger than a page of records can be; nothing was imported."


def address_problem(address: str) -> str | None:
    """Why Twofold will not connect to this IP address, or None when it may (a LAN address may)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return None if settings.TWOFOLD_IMPORT_ALLOW_LOOPBACK else LOOPBACK
    if ip.is_link_local or any(ip in network for network in METADATA):
        return REFUSED.replace("{what}", "a link-local or cloud metadata address")
    if ip.is_unspecified or ip.is_multicast or ip.is_reserved:
        return REFUSED.replace("{what}", "not an address a Baby Buddy can have")
    return None


def check_address(address: str) -> None:
    problem = address_problem(address)
    if problem is not None:
        raise BadFile(problem.format(address=address))


class _CheckedHTTPConnection(http.client.HTTPConnection):
    """Checks every address the host name gives before connecting, then the one it connected to."""

    def connect(self) -> None:
        try:
            found = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
        except OSError:
            found = []  # the connection below fails with the usual "could not reach"
        for *_, sockaddr in found:
            check_address(str(sockaddr[0]))
        super().connect()
        check_address(str(self.sock.getpeername()[0]))


class _CheckedHTTPSConnection(http.client.HTTPSConnection, _CheckedHTTPConnection):
    """HTTPS over the checked connection: the address is checked before the TLS handshake starts."""


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_CheckedHTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_CheckedHTTPSConnection, req, context=self._context)  # type: ignore[attr-defined]


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect on the same scheme, host and port (Baby Buddy adding a slash); nothing else."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not same_origin(req.full_url, urllib.parse.urljoin(req.full_url, newurl)):
            raise BadFile(ELSEWHERE.format(address=urllib.parse.urlsplit(newurl).netloc or newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HTTPHandler, _HTTPSHandler, _SameHostRedirects)


def same_origin(first: str, second: str) -> bool:
    a, b = urllib.parse.urlsplit(first), urllib.parse.urlsplit(second)
    return (a.scheme, a.hostname, a.port) == (b.scheme, b.hostname, b.port)


def open_url(request: urllib.request.Request) -> Any:
    """The answer to a request through the checked connections (the caller reads it with `read_capped`)."""
    if urllib.parse.urlsplit(request.full_url).scheme not in ("http", "https"):
        raise BadFile(
            "Baby Buddy's answer pointed somewhere that is not a web address; nothing was imported."
        )
    return _OPENER.open(request, timeout=TIMEOUT_SECONDS)


def read_capped(response: Any, url: str, *, deadline: float, limit: int | None = None) -> bytes:
    """The whole body, refused when it passes `limit` bytes or the deadline (a server dripping a byte at a
    time would otherwise hold the page for ever, each read within its own timeout)."""
    limit = MAX_PAGE_BYTES if limit is None else limit
    blocks, size = [], 0
    while block := response.read(READ_BLOCK):
        size += len(block)
        if size > limit:
            raise BadFile(TOO_LARGE.format(url=url))
        if time.monotonic() > deadline:
            raise BadFile(TOO_SLOW.format(url=url))
        blocks.append(block)
    return b"".join(blocks)
