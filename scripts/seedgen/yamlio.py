"""A YAML writer for snapshots and scenarios, and a reader for exactly what it writes.

No YAML library is guaranteed where this runs, so both sides are here; the reader
exists so that the generator checks the files as written, not its own data.
"""

import json
import re
import textwrap


class Flow(dict):
    """A mapping written on one line: `{ id: bravo, name: Bravo Bikes, balance: 200 }`."""


RESERVED = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"}
PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _./()&'+-]*")
TIME = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?")


def scalar(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if TIME.fullmatch(text):
        return text
    if (PLAIN.fullmatch(text) and text.lower() not in RESERVED and not text.endswith(" ")
            and not re.fullmatch(r"[-+]?[0-9.][0-9._]*(e[-+]?\d+)?", text, re.I)):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(value):
    if isinstance(value, dict):
        return "{ " + ", ".join("%s: %s" % (k, flow(v)) for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    text = scalar(value)
    if "," in text and not text.startswith('"'):
        text = json.dumps(str(value), ensure_ascii=False)
    return text


def _is_block_list(value):
    return isinstance(value, list) and value and all(isinstance(v, dict) for v in value)


def _mapping_lines(mapping, indent, width):
    pad = " " * indent
    lines = []
    for key, value in mapping.items():
        if isinstance(value, Flow) or (isinstance(value, list) and not _is_block_list(value)):
            lines.append("%s%s: %s" % (pad, key, flow(value)))
        elif isinstance(value, dict):
            lines.append("%s%s:" % (pad, key))
            lines.extend(_mapping_lines(value, indent + 2, width))
        elif _is_block_list(value):
            lines.append("%s%s:" % (pad, key))
            for item in value:
                if isinstance(item, Flow):
                    lines.append("%s  - %s" % (pad, flow(item)))
                else:
                    inner = _mapping_lines(item, indent + 4, width)
                    inner[0] = "%s  - %s" % (pad, inner[0][indent + 4:])
                    lines.extend(inner)
        elif isinstance(value, str) and len(value) + indent + len(key) + 2 > width:
            lines.append("%s%s: >-" % (pad, key))
            for line in textwrap.wrap(value, width - indent - 2, break_long_words=False, break_on_hyphens=False):
                lines.append("%s  %s" % (pad, line))
        else:
            lines.append("%s%s: %s" % (pad, key, scalar(value)))
    return lines


def dump(document, header=None, width=110):
    lines = []
    if header:
        lines.extend("# " + line if line else "#" for line in header.splitlines())
    lines.extend(_mapping_lines(document, 0, width))
    return "\n".join(lines) + "\n"


# ---- reading back -------------------------------------------------------

def parse_scalar(text):
    text = text.strip()
    if text.startswith('"'):
        return json.loads(text)
    if text in ("null", "~", ""):
        return None
    if text == "true":
        return True
    if text == "false":
        return False
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def parse_flow(text):
    value, rest = _flow(text.strip())
    if rest.strip():
        raise ValueError("trailing text after flow value: %r" % rest)
    return value


def _flow(text):
    text = text.lstrip()
    if text.startswith("{"):
        result, text = {}, text[1:].lstrip()
        while not text.startswith("}"):
            key, _, text = text.partition(":")
            value, text = _flow(text)
            result[key.strip()] = value
            text = text.lstrip()
            if text.startswith(","):
                text = text[1:].lstrip()
        return result, text[1:]
    if text.startswith("["):
        result, text = [], text[1:].lstrip()
        while not text.startswith("]"):
            value, text = _flow(text)
            result.append(value)
            text = text.lstrip()
            if text.startswith(","):
                text = text[1:].lstrip()
        return result, text[1:]
    if text.startswith('"'):
        decoder = json.JSONDecoder()
        value, end = decoder.raw_decode(text)
        return value, text[end:]
    m = re.match(r"[^,\]}]*", text)
    return parse_scalar(m.group(0)), text[m.end():]


def _value(text):
    text = text.strip()
    if text.startswith("{") or text.startswith("["):
        return parse_flow(text)
    return parse_scalar(text)


def load(text):
    lines = [(len(l) - len(l.lstrip(" ")), l.strip()) for l in text.splitlines()
             if l.strip() and not l.lstrip().startswith("#")]
    value, position = _block(lines, 0, lines[0][0])
    if position != len(lines):
        raise ValueError("unparsed line: %r" % (lines[position],))
    return value


def _block(lines, i, indent):
    if lines[i][1].startswith("- ") or lines[i][1] == "-":
        result = []
        while i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("-"):
            body = lines[i][1][2:]
            if body.startswith("{") or body.startswith("[") or ":" not in body or body.startswith('"'):
                result.append(_value(body))
                i += 1
            else:
                # a mapping whose first key sits on the dash line
                sub = [(indent + 2, body)]
                j = i + 1
                while j < len(lines) and lines[j][0] > indent:
                    sub.append(lines[j])
                    j += 1
                value, used = _block(sub, 0, indent + 2)
                if used != len(sub):
                    raise ValueError("unparsed line: %r" % (sub[used],))
                result.append(value)
                i = j
        return result, i
    result = {}
    while i < len(lines) and lines[i][0] == indent:
        key, _, rest = lines[i][1].partition(":")
        rest = rest.strip()
        i += 1
        if rest == ">-":
            parts = []
            while i < len(lines) and lines[i][0] > indent:
                parts.append(lines[i][1])
                i += 1
            result[key] = " ".join(parts)
        elif rest == "":
            if i < len(lines) and (lines[i][0] > indent or (lines[i][0] == indent and lines[i][1].startswith("- "))):
                value, i = _block(lines, i, lines[i][0])
                result[key] = value
            else:
                result[key] = None
        else:
            result[key] = _value(rest)
    return result, i
