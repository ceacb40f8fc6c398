"""The catalogue of hostile inputs: each builds its files or HTTP routes and says what must happen.

One catalogue serves three kinds of test: the reader-level tests (``read_source`` on each case, fast),
the combined flow run (every case as a source of one run next to a good article, in ``make test``) and
the campaign (each case alone with a good article in a real ``quantcheck run`` process). A case names the
sources it adds and a regular expression the skipped reason must match — the "clear logged error" — and
whether some of its own text must still be stored (for example the good lines of a JSON Lines file whose
one line is 100 MB).
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reliability import hostile_server as hs

SECRET = "root:x:0:0"  # first line of /etc/passwd: must never end up in the warehouse
GOOD_TEXT = (
    "Selon la préfecture, 12 500 manifestants ont défilé à Lyon samedi, "
    "et près de 300 policiers étaient mobilisés."
)
GOOD_MARK = "12 500 manifestants"


@dataclass
class Env:
    """Where a case puts its files, and the hostile server it may add routes to."""

    root: Path
    server: hs.HostileServer
    bomb_size: int = 1 << 30

    def file(self, name: str, data: bytes | str) -> Path:
        p = self.root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return p


@dataclass
class Source:
    name: str
    location: str
    kind: str | None = None

    def toml(self) -> str:
        kind = f"kind = {json.dumps(self.kind)}\n" if self.kind else ""
        return f"[[source]]\nname = {json.dumps(self.name)}\nlocation = {json.dumps(self.location)}\n{kind}"


@dataclass
class Hostile:
    kind: str  # the table row: what sort of hostile input
    case: str  # this variant
    build: Callable[[Env], list[Source]]
    reason: str  # regex the skipped reason must match ("" = nothing need be skipped)
    keeps: tuple[str, ...] = ()  # texts of the case itself that must still be stored
    bug: str | None = None  # a known bug: strict xfail with this reason
    slow: bool = False  # campaign only (big files)
    extra: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.kind} / {self.case}"


# --- feeds ---------------------------------------------------------------------------------------------


def _rss(items_xml: str, doctype: str = "", decl: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return (
        f'{decl}\n{doctype}\n<rss version="2.0"><channel><title>Hostile feed</title>'
        f"<link>http://127.0.0.1/</link><description>d</description>{items_xml}</channel></rss>\n"
    )


def _item(desc: str, link: str = "http://127.0.0.1/a") -> str:
    return f"<item><title>Item</title><link>{link}</link><description>{desc}</description></item>"


LAUGHS = (
    '<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10)
    )
    + "]>"
)
XXE_FILE = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def billion_laughs(e: Env) -> list[Source]:
    p = e.file("laughs.xml", _rss(_item("&lol9;"), LAUGHS))
    return [Source("laughs-file", str(p))]


def billion_laughs_http(e: Env) -> list[Source]:
    url = e.server.add("/laughs.rss", hs.static(_rss(_item("&lol9;"), LAUGHS), "application/rss+xml"))
    return [Source("laughs-http", url, "feed")]


def xxe_file(e: Env) -> list[Source]:
    url = e.server.add(
        "/xxe.rss", hs.static(_rss(_item("&xxe; 42 soldats"), XXE_FILE), "application/rss+xml")
    )
    return [Source("xxe-http", url, "feed")]


def xxe_external_dtd(e: Env) -> list[Source]:
    e.server.add("/evil.dtd", hs.static('<!ENTITY xxe SYSTEM "file:///etc/passwd">', "application/xml-dtd"))
    doctype = f'<!DOCTYPE rss SYSTEM "{e.server.url("/evil.dtd")}">'
    url = e.server.add("/dtd.rss", hs.static(_rss(_item("&xxe;"), doctype), "application/rss+xml"))
    return [Source("xxe-dtd", url, "feed")]


def xxe_parameter_entity(e: Env) -> list[Source]:
    e.server.add("/p.dtd", hs.static('<!ENTITY xxe SYSTEM "file:///etc/passwd">', "application/xml-dtd"))
    doctype = f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "{e.server.url("/p.dtd")}"> %p;]>'
    p = e.file("param.rss", _rss(_item("&xxe;"), doctype))
    return [Source("xxe-param", str(p))]


def xxe_utf16(e: Env) -> list[Source]:
    xml = _rss(_item("&xxe; 42"), XXE_FILE, '<?xml version="1.0" encoding="UTF-16"?>')
    p = e.file("xxe16.xml", codecs.BOM_UTF16_LE + xml.encode("utf-16-le"))
    return [Source("xxe-utf16", str(p))]


def xxe_malformed_utf16(e: Env) -> list[Source]:
    """Malformed before the DTD and in UTF-16, so a byte regex looking for '<!DOCTYPE' cannot see it."""
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<!-- bad -- comment -->\n'
        + XXE_FILE
        + '<rss version="2.0"><channel><item><description>&xxe;</description></item>'
    )
    p = e.file("xxe16bad.xml", codecs.BOM_UTF16_LE + xml.encode("utf-16-le"))
    return [Source("xxe-utf16-malformed", str(p))]


def xinclude(e: Env) -> list[Source]:
    desc = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>'
    url = e.server.add("/xi.rss", hs.static(_rss(_item(desc + " 7 km")), "application/rss+xml"))
    return [Source("xinclude", url, "feed")]


def feed_link_file_scheme(e: Env) -> list[Source]:
    url = e.server.add(
        "/links.rss", hs.static(_rss(_item("Short summary.", "file:///etc/passwd")), "application/rss+xml")
    )
    return [Source("feed-file-link", url, "feed")]


def feed_link_redirects_to_file(e: Env) -> list[Source]:
    e.server.add("/go", hs.redirect("file:///etc/passwd"))
    url = e.server.add(
        "/redir.rss", hs.static(_rss(_item("Short summary.", e.server.url("/go"))), "application/rss+xml")
    )
    return [Source("feed-redirect-link", url, "feed")]


# --- pages and bodies ----------------------------------------------------------------------------------


def _deep_html(levels: int) -> str:
    return (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * levels
        + "<p>Au moins 40 000 personnes, selon les organisateurs.</p>"
        + "</div>" * levels
        + "</body></html>"
    )


def deep_html_http(e: Env) -> list[Source]:
    url = e.server.add("/deep.html", hs.static(_deep_html(100_000)))
    return [Source("deep-http", url, "url")]


def deep_html_file(e: Env) -> list[Source]:
    return [Source("deep-file", str(e.file("deep.html", _deep_html(100_000))))]


def gzip_bomb_page(e: Env) -> list[Source]:
    return [Source("gzip-bomb", e.server.add("/bomb.html", hs.gzip_bomb(e.bomb_size)), "url")]


def deflate_bomb_chunked(e: Env) -> list[Source]:
    return [
        Source(
            "deflate-bomb",
            e.server.add("/bomb2.html", hs.gzip_bomb(e.bomb_size, method="deflate", declare_length=False)),
            "url",
        )
    ]


def gzip_bomb_feed(e: Env) -> list[Source]:
    return [
        Source(
            "gzip-bomb-feed",
            e.server.add("/bomb.rss", hs.gzip_bomb(e.bomb_size, content_type="application/rss+xml")),
            "feed",
        )
    ]


def endless_body(e: Env) -> list[Source]:
    return [Source("endless", e.server.add("/endless.txt", hs.endless()), "url")]


def slowloris(e: Env) -> list[Source]:
    body = ("<html><body><p>" + "Environ 8 000 soldats. " * 30 + "</p></body></html>").encode()
    return [
        Source(
            "slowloris",
            e.server.add("/slow.html", hs.drip(body, interval=0.1, chunk=1, give_up_after=7.0)),
            "url",
        )
    ]


def header_trickle(e: Env) -> list[Source]:
    """Status line and headers one byte per 0.1 s for up to 12 s: each read is quick, the headers never end
    in time; the fetch must give up at the 3 s deadline, not at the server's pace."""
    return [Source("header-trickle", e.server.add("/trickle.html", hs.trickle_headers(0.1, 12.0)), "url")]


def bad_gzip(e: Env) -> list[Source]:
    return [
        Source(
            "bad-gzip",
            e.server.add(
                "/badgz.html", hs.static(b"this is not gzip at all", headers={"Content-Encoding": "gzip"})
            ),
            "url",
        )
    ]


def truncated_body(e: Env) -> list[Source]:
    return [
        Source(
            "truncated", e.server.add("/trunc.html", hs.lying_length(b"<p>Plus de 10 km</p>", 5000)), "url"
        )
    ]


def binary_as_html(e: Env) -> list[Source]:
    return [
        Source(
            "png-as-html",
            e.server.add("/img.html", hs.static(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "text/html")),
            "url",
        )
    ]


def image_content_type(e: Env) -> list[Source]:
    return [Source("image", e.server.add("/img.png", hs.static(b"\x89PNG\r\n\x1a\n", "image/png")), "url")]


def undefined_charset_page(e: Env) -> list[Source]:
    return [
        Source(
            "charset-undefined",
            e.server.add(
                "/undef.html",
                hs.static("<p>Près de 2 000 kilomètres.</p>".encode(), "text/html; charset=undefined"),
            ),
            "url",
        )
    ]


def utf16_declared_http(e: Env) -> list[Source]:
    text = "Pas moins de 100 000 soldats, selon l'état-major."
    return [
        Source(
            "utf16-declared",
            e.server.add("/u16.txt", hs.static(text.encode("utf-16-le"), "text/plain; charset=utf-16le")),
            "url",
        )
    ]


# --- redirects and schemes ----------------------------------------------------------------------------


def redirect_to(target: str, name: str) -> Callable[[Env], list[Source]]:
    def build(e: Env) -> list[Source]:
        return [Source(name, e.server.add(f"/redirect-{name}", hs.redirect(target)), "url")]

    return build


def feed_link_invalid_location(e: Env) -> list[Source]:
    """First entry's page redirects to a Location httpx cannot parse; the second entry must still be read."""
    e.server.add("/bad-location", hs.redirect("data:text/html,<p>12 000 soldiers</p>"))
    items = _item("Court résumé.", e.server.url("/bad-location")) + (
        "<item><title>Deux</title><link>http://127.0.0.1/b</link><description>"
        + "Plus de 6 400 hectares ont brûlé dans le Var, selon les pompiers. " * 10
        + "</description></item>"
    )
    url = e.server.add("/badloc.rss", hs.static(_rss(items), "application/rss+xml"))
    return [Source("feed-bad-location", url, "feed")]


def redirect_loop(e: Env) -> list[Source]:
    e.server.add("/loop-a", hs.redirect("/loop-b"))
    e.server.add("/loop-b", hs.redirect("/loop-a"))
    return [Source("redirect-loop", e.server.url("/loop-a"), "url")]


# --- local files ---------------------------------------------------------------------------------------


def nul_bytes(e: Env) -> list[Source]:
    return [Source("nul", str(e.file("nul.txt", b"Plus de 5 000 morts\x00\x00\x00" + bytes(200))))]


def invalid_utf8(e: Env) -> list[Source]:
    data = "Environ 7 500 réfugiés sont arrivés.".encode() + b" \xff\xfe\xc3\x28 \xe2\x82 fin."
    return [Source("bad-utf8", str(e.file("badutf8.txt", data)))]


def utf16_no_bom_file(e: Env) -> list[Source]:
    return [
        Source("utf16-nobom", str(e.file("u16.txt", "About 20,000 square miles burned.".encode("utf-16-le"))))
    ]


def symlink_outside(e: Env) -> list[Source]:
    folder = e.root / "folder-symlink"
    folder.mkdir()
    (folder / "good.txt").write_text("Plus de 1 500 pompiers mobilisés.", encoding="utf-8")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    return [Source("symlink-file", str(folder), "folder")]


def symlink_dir_outside(e: Env) -> list[Source]:
    folder = e.root / "folder-symlink-dir"
    folder.mkdir()
    (folder / "good.txt").write_text("Près de 900 hectares brûlés.", encoding="utf-8")
    os.symlink("/etc", folder / "etc")
    return [Source("symlink-dir", str(folder), "folder")]


def symlink_chain(e: Env) -> list[Source]:
    """An inside link to an inside link that points outside: resolving only one hop would follow it."""
    folder = e.root / "folder-chain"
    folder.mkdir()
    (folder / "good.txt").write_text("Au moins 60 blessés.", encoding="utf-8")
    os.symlink("/etc/passwd", folder / "hop2.txt")
    os.symlink(folder / "hop2.txt", folder / "hop1.txt")
    return [Source("symlink-chain", str(folder), "folder")]


def fifo_in_folder(e: Env) -> list[Source]:
    folder = e.root / "folder-fifo"
    folder.mkdir()
    os.mkfifo(folder / "a-pipe.txt")  # reading it would block for ever
    (folder / "good.txt").write_text("Environ 3 200 emplois supprimés.", encoding="utf-8")
    return [Source("fifo", str(folder), "folder")]


def device_file(e: Env) -> list[Source]:
    return [Source("dev-zero", "/dev/zero", "file")]


def undefined_charset_in_folder(e: Env) -> list[Source]:
    """A file whose <meta> names a Python codec that raises: the folder's other files must still be read."""
    folder = e.root / "folder-meta"
    folder.mkdir()
    (folder / "a.html").write_text(
        '<html><head><meta charset="undefined"></head><body><p>Près de 2 000 kilomètres.</p></body></html>',
        encoding="utf-8",
    )
    (folder / "b.txt").write_text("Plus de 4 800 logements détruits.", encoding="utf-8")
    return [Source("meta-undefined", str(folder), "folder")]


MALFORMED_HTML = (
    "<html><head><titl^>T</title></heaeuros.\r\nPréc\u00e9dd><body><nav>Home | Next</></body></html>"
)


def malformed_html_in_folder(e: Env) -> list[Source]:
    """Found by atheris (tests/fuzz/regressions/normalise/lxml-too-many-bodies): lxml asserts on it."""
    folder = e.root / "folder-malformed-html"
    folder.mkdir()
    (folder / "a.html").write_text(MALFORMED_HTML, encoding="utf-8")
    (folder / "b.txt").write_text("Plus de 5 100 logements détruits.", encoding="utf-8")
    return [Source("malformed-html", str(folder), "folder")]


def malformed_html_linked_from_feed(e: Env) -> list[Source]:
    e.server.add("/malformed.html", hs.static(MALFORMED_HTML))
    items = _item("Court résumé.", e.server.url("/malformed.html")) + (
        "<item><title>Deux</title><link>http://127.0.0.1/c</link><description>"
        + "Près de 7 300 foyers privés d'électricité, selon Enedis. " * 10
        + "</description></item>"
    )
    return [
        Source(
            "feed-malformed-link",
            e.server.add("/malformed.rss", hs.static(_rss(items), "application/rss+xml")),
            "feed",
        )
    ]


def unknown_xml_encoding_in_folder(e: Env) -> list[Source]:
    """Found by atheris (regressions/normalise/feed-unknown-xml-encoding): expat raises LookupError."""
    folder = e.root / "folder-xml-encoding"
    folder.mkdir()
    (folder / "a.xml").write_text(
        '<?xml version="1.0" encoding="utf-6"?>' + _rss(_item("12 km"), decl=""), encoding="utf-8"
    )
    (folder / "b.txt").write_text("Environ 9 600 bénévoles mobilisés.", encoding="utf-8")
    return [Source("xml-encoding", str(folder), "folder")]


def jsonl_lone_surrogate(e: Env) -> list[Source]:
    lines = [
        json.dumps({"text": "Plus de 3 000 morts \ud800 selon l'ONU."}, ensure_ascii=True),
        json.dumps({"text": "Environ 45 kilomètres de bouchons."}, ensure_ascii=True),
    ]
    return [Source("jsonl-surrogate", str(e.file("surrogate.jsonl", "\n".join(lines) + "\n")))]


def jsonl_nul(e: Env) -> list[Source]:
    lines = [
        json.dumps({"text": "Plus de 3 000 morts\u0000 selon l'ONU."}),
        json.dumps({"text": "Environ 46 kilomètres de bouchons."}),
    ]
    return [Source("jsonl-nul", str(e.file("nul.jsonl", "\n".join(lines) + "\n")))]


def non_utf8_file_names(e: Env) -> list[Source]:
    """File names from an old archive that are not UTF-8 (Latin-1 bytes): Python decodes them with lone
    surrogates, which DuckDB refuses; one such name used to fail every run at its end."""
    folder = e.root / "folder-latin1-names"
    folder.mkdir()
    (folder / os.fsdecode(b"old-caf\xe9.doc")).write_bytes(b"x")
    (folder / os.fsdecode(b"r\xe9sum\xe9.txt")).write_text("Environ 3 700 r\u00e9fugi\u00e9s accueillis.",
                                                           encoding="utf-8")
    return [Source("latin1-names", str(folder), "folder")]


def big_single_line_file(e: Env) -> list[Source]:
    p = e.root / "big.txt"
    with p.open("wb") as fh:
        block = b"Pas moins de 100 000 soldats; " * 34_000  # ~1 MB, no newline anywhere
        for _ in range(100):
            fh.write(block)
    return [Source("big-line", str(p))]


def big_single_line_jsonl(e: Env) -> list[Source]:
    p = e.root / "big.jsonl"
    with p.open("wb") as fh:
        fh.write(b'{"text": "')
        block = b"Plus de 2 000 soldats. " * 45_000
        for _ in range(100):
            fh.write(block)
        fh.write(b'"}\n')
        fh.write(json.dumps({"text": "Environ 47 kilomètres de bouchons."}).encode() + b"\n")
    return [Source("big-jsonl", str(p))]




def catalogue(bomb_size: int = 1 << 30) -> list[Hostile]:
    H = Hostile
    cases = [
        H(
            "XML entity expansion in a feed",
            "billion laughs, local file",
            billion_laughs,
            r"refused feed XML|[Ee]ntit",
        ),
        H(
            "XML entity expansion in a feed",
            "billion laughs over HTTP",
            billion_laughs_http,
            r"refused feed XML|[Ee]ntit",
        ),
        H(
            "XML external entities in a feed",
            "SYSTEM file:///etc/passwd over HTTP",
            xxe_file,
            r"refused feed XML|[Ee]ntit",
        ),
        H(
            "XML external entities in a feed",
            "external DTD on the server",
            xxe_external_dtd,
            r"refused feed XML|[Ee]ntit|DTD",
        ),
        H(
            "XML external entities in a feed",
            "parameter entity",
            xxe_parameter_entity,
            r"refused feed XML|[Ee]ntit|DTD",
        ),
        H("XML external entities in a feed", "UTF-16 feed with BOM", xxe_utf16, r"refused feed XML|[Ee]ntit"),
        H(
            "XML external entities in a feed",
            "malformed UTF-16 feed (DTD invisible to byte regex)",
            xxe_malformed_utf16,
            r"",  # refusing is the documented rule; reading it without expanding &xxe; is safe too
        ),
        H("XML external entities in a feed", "XInclude of /etc/passwd", xinclude, r""),
        H("file:// URLs", "feed entry linking to file:///etc/passwd", feed_link_file_scheme, r""),
        H(
            "Redirect to a non-HTTP scheme",
            "feed entry link redirecting to file://",
            feed_link_redirects_to_file,
            r"refused URL scheme 'file'",
        ),
        H("Deeply nested HTML", "100,000 nested <div> over HTTP", deep_html_http, r"no text|empty|depth"),
        H(
            "Deeply nested HTML",
            "100,000 nested <div> in a local file",
            deep_html_file,
            r"no text|empty|depth",
        ),
        H(
            "Gzip bomb over HTTP",
            f"Content-Encoding: gzip, {bomb_size >> 20} MiB of zeros",
            gzip_bomb_page,
            r"too large",
        ),
        H(
            "Gzip bomb over HTTP",
            f"Content-Encoding: deflate, chunked, {bomb_size >> 20} MiB",
            deflate_bomb_chunked,
            r"too large",
        ),
        H("Gzip bomb over HTTP", "gzip bomb served as a feed", gzip_bomb_feed, r"too large"),
        H("Endless body", "chunked body that never ends", endless_body, r"too large"),
        H(
            "Slow body (slowloris)",
            "1 byte per 0.1 s, deadline 3 s",
            slowloris,
            r"deadline|timed out",
        ),
        H(
            "Slow response headers",
            "status line and headers 1 byte per 0.1 s, deadline 3 s",
            header_trickle,
            r"deadline \(while waiting for the response headers\)",
        ),
        H("Broken HTTP bodies", "Content-Encoding: gzip, body not gzip", bad_gzip, r"[Dd]ecod|HTTP error"),
        H(
            "Broken HTTP bodies",
            "Content-Length larger than the body",
            truncated_body,
            r"network error|incomplete|closed",
        ),
        H(
            "Binary content",
            "PNG bytes served as text/html",
            binary_as_html,
            r"binary|NUL|not a text|no text",
        ),
        H("Binary content", "image/png content-type", image_content_type, r"unsupported content-type"),
        H(
            "Invalid charsets",
            "Content-Type charset=undefined",
            undefined_charset_page,
            r"",  # ignoring a charset Python cannot decode with and reading the text is fine too
            keeps=("2 000 kilom",),
        ),
        H(
            "Invalid charsets",
            "<meta charset=undefined> in a folder with a good file",
            undefined_charset_in_folder,
            r"",
            keeps=("4 800 logements",),
        ),
        H("UTF-16 without BOM", "local file, no declaration", utf16_no_bom_file, r"binary|NUL|encod|UTF-16"),
        H(
            "UTF-16 without BOM",
            "HTTP, charset=utf-16le declared",
            utf16_declared_http,
            r"",
            keeps=("100 000 soldats",),
        ),
        H(
            "Redirect to a non-HTTP scheme",
            "Location: file:///etc/passwd",
            redirect_to("file:///etc/passwd", "file"),
            r"refused URL scheme 'file'",
        ),
        H(
            "Redirect to a non-HTTP scheme",
            "Location: ftp://",
            redirect_to("ftp://127.0.0.1/x.txt", "ftp"),
            r"refused URL scheme 'ftp'",
        ),
        H(
            "Redirect to a non-HTTP scheme",
            "Location: data:",
            redirect_to("data:text/html,<p>12 000 soldiers</p>", "data"),
            r"refused URL scheme 'data'",
        ),
        H("Redirect to a non-HTTP scheme", "redirect loop", redirect_loop, r"too many redirects"),
        H(
            "Redirect to a non-HTTP scheme",
            "feed entry whose page redirects to an unparsable Location",
            feed_link_invalid_location,
            r"refused URL scheme|invalid|Location",
            keeps=("6 400 hectares",),
        ),
        H(
            "Malformed HTML (found by fuzzing)",
            "page lxml asserts on, in a folder with a good file",
            malformed_html_in_folder,
            r"",
            keeps=("5 100 logements",),
        ),
        H(
            "Malformed HTML (found by fuzzing)",
            "the same page linked from a feed entry",
            malformed_html_linked_from_feed,
            r"",
            keeps=("7 300 foyers",),
        ),
        H(
            "Malformed feeds (found by fuzzing)",
            'XML declaration encoding="utf-6", in a folder with a good file',
            unknown_xml_encoding_in_folder,
            r"encoding|feed",
            keeps=("9 600 bénévoles",),
        ),
        H("NUL bytes", "text file with NUL bytes", nul_bytes, r"binary|NUL"),
        H("NUL bytes", "JSON Lines text with \\u0000", jsonl_nul, r"NUL", keeps=("46 kilomètres",)),
        H("Invalid UTF-8", "text file with invalid UTF-8 sequences", invalid_utf8, r"", keeps=("7 500 r",)),
        H(
            "Lone surrogates",
            "JSON Lines text with a \\ud800 escape",
            jsonl_lone_surrogate,
            r"",  # the lone surrogate is replaced by U+FFFD and the article kept
            keeps=("45 kilomètres",),
        ),
        H("Symlinks out of a source folder", "link to /etc/passwd", symlink_outside, r"outside the folder"),
        H(
            "Symlinks out of a source folder",
            "link to /etc",
            symlink_dir_outside,
            r"outside the folder|folder",
        ),
        H(
            "Symlinks out of a source folder",
            "chain of two links ending outside",
            symlink_chain,
            r"outside the folder",
        ),
        H("Special files", "FIFO inside a source folder", fifo_in_folder, r"not a regular file"),
        H(
            "File names that are not UTF-8",
            "Latin-1 names in a folder: one skipped, one read",
            non_utf8_file_names,
            r"unsupported file type",
            keeps=("3 700 réfugiés",),
        ),
        H("Special files", "/dev/zero as a file source", device_file, r"not a regular file"),
        H(
            "100 MB single-line files",
            "100 MB text file, one line",
            big_single_line_file,
            r"too large",
            slow=True,
        ),
        H(
            "100 MB single-line files",
            "JSON Lines with one 100 MB line",
            big_single_line_jsonl,
            r"longer than the limit",
            keeps=("47 kilomètres",),
            slow=True,
        ),
    ]
    return cases


# Settings every hostile run uses: small limits so bombs and big files are cut early, no retries.
HOSTILE_SETTINGS = {
    "max_bytes": 5_000_000,
    "deadline": 3.0,
    "read_timeout": 2.0,
    "connect_timeout": 2.0,
    "retries": 0,
    "backoff": 0.05,
    "extract_processes": 1,
    "summary_min_chars": 500,
}


def config_toml(sources: list[Source], settings: dict | None = None) -> str:
    s = {**HOSTILE_SETTINGS, **(settings or {})}
    lines = ["[settings]"] + [f"{k} = {json.dumps(v)}" for k, v in s.items()]
    return "\n".join(lines) + "\n\n" + "\n".join(src.toml() for src in sources)


def good_source(root: Path, name: str = "good") -> Source:
    p = root / f"{name}.txt"
    p.write_text(GOOD_TEXT + "\n", encoding="utf-8")
    return Source(name, str(p))
