"""A minimal PDF writer for demo papers (one text page), so the demo needs no PDF library."""

import textwrap


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(*, title: str, paragraphs: list[str]) -> bytes:
    """A valid single-page A4 PDF with a title and wrapped paragraphs (Helvetica, WinAnsi)."""
    lines: list[tuple[str, int]] = [(title, 16)]
    for paragraph in paragraphs:
        lines.append(("", 11))
        lines.extend((line, 11) for line in textwrap.wrap(paragraph, 90))
    content = ["BT", "56 790 Td"]
    for text, size in lines[:60]:
        content.append(f"/F1 {size} Tf")
        content.append(f"({_escape(text)}) Tj")
        content.append(f"0 -{size + 4} Td")
    content.append("ET")
    stream = "\n".join(content).encode("cp1252", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
