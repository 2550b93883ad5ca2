#!/usr/bin/env python3
"""Generate realistic application drafts for benchmarking `callspec validate`.

Python 3 standard library only (no PyYAML): the example drafts and the call specs are read with a
small YAML-subset reader (block mappings and sequences, one-line or multi-line flow collections,
quoted and plain scalars, `>`/`|` block scalars, comments), and drafts are written with a small
emitter that quotes every string a YAML 1.1 or 1.2 loader could read as something else.

    python3 bench/generate.py --count N --out DIR [--format yaml|json] [--seed S]
                              [--invalid-share 0.2] [--call ID|all] [--specs specs]
                              [--examples examples] [--decimal-money string|number]

Each file starts from a valid example draft of the chosen call(s) (examples/<call>/valid/*.yaml)
and varies it: organisation, project and person names, Chinese free text of realistic length
(within the spec's `form.text_limits`), contacts, amounts within the category's rule (fixed, cap,
soft cap, unstated) with budgets that add up, KPI values at or above their minimums (and within
any maximum), deliverable lengths within their bounds, and valid 统一社会信用代码 (GB 32100)
whose organisation-code part also passes GB 11714.

A share of files (--invalid-share) get one or two realistic mistakes: over-cap amount, KPI below
its minimum, wrong credit-code check character, text over the limit (or a deliverable outside its
length bounds where the call has no text limit), a missing required field, a budget that does not
add up, an unknown category. Only mistakes the call's rules can detect are chosen.

Files go into DIR/0000/, DIR/0001/, ... (at most 1000 files each). DIR/manifest.tsv lists every
file with its template, its mistakes and the finding codes they should produce (a .tsv, so that
`callspec validate DIR` does not pick it up). Output is deterministic for a given seed.

Amounts: schemas/application.schema.json types money as integer or string, so a decimal amount
written as a YAML/JSON number (4.8) fails the generic schema, although callspec accepts it.
By default (--decimal-money string) decimal amounts are written as quoted strings ("4.8"), which
callspec and the schema both accept; --decimal-money number writes them as plain numbers.
"""

import argparse
import json
import os
import random
import re
import sys
from decimal import Decimal

# --------------------------------------------------------------------------------------------
# YAML-subset reader
# --------------------------------------------------------------------------------------------

_INT_RE = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT_RE = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")


class YamlError(Exception):
    pass


def _resolve_plain(s):
    if s in ("", "~", "null", "Null", "NULL"):
        return None
    if s in ("true", "True", "TRUE"):
        return True
    if s in ("false", "False", "FALSE"):
        return False
    if _INT_RE.match(s):
        return int(s)
    if _FLOAT_RE.match(s):
        return Decimal(s)
    return s  # dates, digit strings with a leading zero, text: kept as text


def _strip_comment(line):
    """Remove a trailing comment (a `#` at the start or after whitespace, outside quotes)."""
    quote = None
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if quote == '"' and c == "\\":
                i += 2
                continue
            if c == quote:
                if quote == "'" and i + 1 < len(line) and line[i + 1] == "'":
                    i += 2
                    continue
                quote = None
        else:
            if c in "\"'" and (i == 0 or line[i - 1] in " \t[{,:-"):
                quote = c
            elif c == "#" and (i == 0 or line[i - 1] in " \t"):
                return line[:i].rstrip()
        i += 1
    return line.rstrip()


def _parse_double_quoted(text, i):
    """text[i] == '"'; returns (string, index after closing quote)."""
    out = []
    i += 1
    esc = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "/": "/", " ": " ",
           "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "v": "\v", "N": "\x85", "_": "\xa0"}
    while i < len(text):
        c = text[i]
        if c == '"':
            return "".join(out), i + 1
        if c == "\\":
            n = text[i + 1]
            if n in esc:
                out.append(esc[n])
                i += 2
            elif n in "xuU":
                width = {"x": 2, "u": 4, "U": 8}[n]
                out.append(chr(int(text[i + 2:i + 2 + width], 16)))
                i += 2 + width
            else:
                raise YamlError("bad escape \\%s" % n)
            continue
        out.append(c)
        i += 1
    raise YamlError("unterminated double-quoted string")


def _parse_single_quoted(text, i):
    out = []
    i += 1
    while i < len(text):
        c = text[i]
        if c == "'":
            if i + 1 < len(text) and text[i + 1] == "'":
                out.append("'")
                i += 2
                continue
            return "".join(out), i + 1
        out.append(c)
        i += 1
    raise YamlError("unterminated single-quoted string")


def _fold_quoted(s):
    # Multi-line quoted scalars: a line break between lines folds to a space.
    if "\n" not in s:
        return s
    return " ".join(part.strip() for part in s.split("\n"))


class _Flow:
    """Parser for flow collections ({...} and [...]) and flow scalars."""

    def __init__(self, text):
        self.t = text
        self.i = 0

    def ws(self):
        while self.i < len(self.t) and self.t[self.i] in " \t\n":
            self.i += 1

    def value(self):
        self.ws()
        c = self.t[self.i]
        if c == "{":
            return self.mapping()
        if c == "[":
            return self.sequence()
        if c == '"':
            s, self.i = _parse_double_quoted(self.t, self.i)
            return _fold_quoted(s)
        if c == "'":
            s, self.i = _parse_single_quoted(self.t, self.i)
            return _fold_quoted(s)
        return _resolve_plain(self.plain(key=False))

    def plain(self, key):
        start = self.i
        while self.i < len(self.t):
            c = self.t[self.i]
            if c in ",]}":
                break
            if c == ":" and (self.i + 1 >= len(self.t) or self.t[self.i + 1] in " \t\n,]}"):
                if key:
                    break
                break
            self.i += 1
        return " ".join(self.t[start:self.i].split())

    def key(self):
        self.ws()
        c = self.t[self.i]
        if c == '"':
            s, self.i = _parse_double_quoted(self.t, self.i)
            return s
        if c == "'":
            s, self.i = _parse_single_quoted(self.t, self.i)
            return s
        return self.plain(key=True)

    def mapping(self):
        self.i += 1
        out = {}
        while True:
            self.ws()
            if self.t[self.i] == "}":
                self.i += 1
                return out
            k = self.key()
            self.ws()
            if self.t[self.i] == ":":
                self.i += 1
                self.ws()
                if self.t[self.i] in ",}":
                    v = None
                else:
                    v = self.value()
            else:
                v = None
            out[k] = v
            self.ws()
            if self.t[self.i] == ",":
                self.i += 1
            elif self.t[self.i] != "}":
                raise YamlError("expected , or } in flow mapping: %r" % self.t[self.i:self.i + 20])

    def sequence(self):
        self.i += 1
        out = []
        while True:
            self.ws()
            if self.t[self.i] == "]":
                self.i += 1
                return out
            out.append(self.value())
            self.ws()
            if self.t[self.i] == ",":
                self.i += 1
            elif self.t[self.i] != "]":
                raise YamlError("expected , or ] in flow sequence")


def _flow_balanced(text):
    depth = 0
    quote = None
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            if quote == '"' and c == "\\":
                i += 2
                continue
            if c == quote:
                quote = None
        elif c in "\"'" and text[:i].rstrip()[-1:] in ("", "[", "{", ",", ":"):
            # A quote opens a quoted scalar only where a scalar starts (system's is plain text).
            quote = c
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
        i += 1
    return depth <= 0 and quote is None


class _Block:
    def __init__(self, text):
        self.raw = text.split("\n")
        self.lines = []  # (indent, content, raw line number)
        for n, raw in enumerate(self.raw):
            s = _strip_comment(raw.replace("\t", "    "))
            if not s.strip() or s.strip() in ("---", "..."):
                continue
            self.lines.append((len(s) - len(s.lstrip(" ")), s.strip(), n))
        self.pos = 0

    def peek(self):
        return self.lines[self.pos] if self.pos < len(self.lines) else None

    def parse(self):
        if not self.lines:
            return None
        v = self.node(self.lines[0][0])
        if self.pos != len(self.lines):
            raise YamlError("unexpected content at line %d" % (self.lines[self.pos][2] + 1))
        return v

    def node(self, indent):
        ln = self.peek()
        if ln is None or ln[0] < indent:
            return None
        if ln[1] == "-" or ln[1].startswith("- "):
            return self.seq(ln[0])
        return self.mapping(ln[0])

    def _split_key(self, content):
        """'key: value' -> (key, rest) or None if the content is not a mapping entry."""
        if content[0] in "\"'":
            parse = _parse_double_quoted if content[0] == '"' else _parse_single_quoted
            k, j = parse(content, 0)
            rest = content[j:].lstrip()
            if rest == ":" or rest.startswith(": "):
                return k, rest[1:].strip()
            return None
        if content[0] in "[{":
            return None
        m = re.match(r"^([^\s].*?)\s*:(\s+|$)", content)
        if not m:
            return None
        return m.group(1), content[m.end():]

    def mapping(self, indent):
        out = {}
        while True:
            ln = self.peek()
            if ln is None or ln[0] < indent:
                return out
            if ln[0] > indent:
                raise YamlError("bad indentation at line %d" % (ln[2] + 1))
            if ln[1].startswith("- ") or ln[1] == "-":
                return out
            kv = self._split_key(ln[1])
            if kv is None:
                raise YamlError("expected a mapping entry at line %d: %s" % (ln[2] + 1, ln[1]))
            self.pos += 1
            out[kv[0]] = self.value_after(kv[1], indent, ln[2])

    def seq(self, indent):
        out = []
        while True:
            ln = self.peek()
            if ln is None or ln[0] < indent:
                return out
            if ln[0] > indent or not (ln[1] == "-" or ln[1].startswith("- ")):
                if ln[0] == indent:
                    return out
                raise YamlError("bad indentation at line %d" % (ln[2] + 1))
            rest = ln[1][1:].lstrip()
            self.pos += 1
            if rest == "":
                out.append(self.node(indent + 1))
                continue
            item_indent = indent + (len(ln[1]) - len(rest))
            kv = self._split_key(rest) if rest[0] not in "[{" else None
            if kv is not None:
                # A mapping that starts on the dash line; its further keys sit at item_indent.
                self.lines.insert(self.pos, (item_indent, rest, ln[2]))
                out.append(self.mapping(item_indent))
            elif rest.startswith("- "):
                self.lines.insert(self.pos, (item_indent, rest, ln[2]))
                out.append(self.seq(item_indent))
            else:
                out.append(self.value_after(rest, indent, ln[2]))

    def value_after(self, rest, indent, lineno):
        if rest == "":
            nxt = self.peek()
            if nxt is None:
                return None
            if nxt[0] > indent:
                return self.node(nxt[0])
            if nxt[0] == indent and (nxt[1] == "-" or nxt[1].startswith("- ")):
                return self.seq(indent)
            return None
        if rest[0] in ">|":
            return self.block_scalar(rest, indent, lineno)
        if rest[0] in "[{":
            text = rest
            while not _flow_balanced(text):
                ln = self.peek()
                if ln is None:
                    raise YamlError("unterminated flow collection at line %d" % (lineno + 1))
                text += "\n" + ln[1]
                self.pos += 1
            return _Flow(text).value()
        if rest[0] in "\"'":
            text = rest
            parse = _parse_double_quoted if rest[0] == '"' else _parse_single_quoted
            while True:
                try:
                    s, _ = parse(text, 0)
                    return _fold_quoted(s)
                except (YamlError, IndexError):
                    ln = self.peek()
                    if ln is None:
                        raise
                    text += "\n" + ln[1]
                    self.pos += 1
        # Plain scalar, possibly continued on more-indented lines.
        parts = [rest]
        while True:
            ln = self.peek()
            if ln is None or ln[0] <= indent:
                break
            parts.append(ln[1])
            self.pos += 1
        return _resolve_plain(" ".join(parts))

    def block_scalar(self, header, indent, lineno):
        folded = header[0] == ">"
        chomp = "-" if "-" in header else ("+" if "+" in header else "")
        # Block scalars need the raw lines (comments inside are content, blank lines matter).
        start_raw = lineno + 1
        body = []
        block_indent = None
        n = start_raw
        while n < len(self.raw):
            raw = self.raw[n].replace("\t", "    ")
            if raw.strip() == "":
                body.append("")
                n += 1
                continue
            ind = len(raw) - len(raw.lstrip(" "))
            if ind <= indent:
                break
            if block_indent is None:
                block_indent = ind
            if ind < block_indent:
                break
            body.append(raw[block_indent:])
            n += 1
        while self.pos < len(self.lines) and self.lines[self.pos][2] < n:
            self.pos += 1
        while body and body[-1] == "":
            body.pop()
        if folded:
            text = ""
            prev_blank = True
            for line in body:
                if line == "":
                    text += "\n"
                    prev_blank = True
                    continue
                if text and not prev_blank:
                    text += " "
                text += line
                prev_blank = False
        else:
            text = "\n".join(body)
        if chomp != "-":
            text += "\n"
        return text


def load_yaml(text):
    return _Block(text).parse()


# --------------------------------------------------------------------------------------------
# YAML and JSON writers
# --------------------------------------------------------------------------------------------

_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ""}
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


class Money:
    """An exact amount in hundredths of the money unit."""

    __slots__ = ("cents",)

    def __init__(self, cents):
        self.cents = int(cents)

    def text(self):
        whole, frac = divmod(abs(self.cents), 100)
        sign = "-" if self.cents < 0 else ""
        if frac == 0:
            return "%s%d" % (sign, whole)
        return ("%s%d.%02d" % (sign, whole, frac)).rstrip("0")


def _plain_ok(s, flow):
    if s.lower() in _YAML11_WORDS or s != s.strip() or s[0] in _INDICATORS:
        return False
    if s[0].isdigit() or s[0] in "+.":
        return False  # numbers, dates, times, sexagesimals, octals: quote them all
    if ": " in s or " #" in s or s.endswith(":") or "\t" in s or "\n" in s:
        return False
    if flow and any(c in s for c in ",[]{}"):
        return False
    if any(ord(c) < 0x20 or c in "\x7f\x85\u2028\u2029\ufeff" for c in s):
        return False
    return True


def _yaml_scalar(v, flow, money_as):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, Money):
        t = v.text()
        if "." in t and money_as == "string":
            return '"%s"' % t
        return t
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Decimal):
        return str(v)
    s = str(v)
    if _plain_ok(s, flow):
        return s
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _is_scalar(v):
    return not isinstance(v, (dict, list))


def _flow_map(d, money_as):
    if not d:
        return "{}"
    return "{ " + ", ".join("%s: %s" % (_yaml_scalar(k, True, money_as), _yaml_scalar(v, True, money_as))
                            for k, v in d.items()) + " }"


def _flow_list(items, money_as):
    return "[" + ", ".join(_yaml_scalar(v, True, money_as) for v in items) + "]"


# Mapping styles as in the examples: leader and contact (and small nested mappings such as bank)
# on one line, everything else in block style.
_BLOCK_KEYS = {"kpis", "attestations"}
_FLOW_TOP_KEYS = {"leader", "contact"}


def _emit(v, indent, out, money_as):
    pad = " " * indent
    if isinstance(v, dict):
        for k, x in v.items():
            key = _yaml_scalar(k, False, money_as)
            if isinstance(x, dict):
                if (x and (k in _FLOW_TOP_KEYS if indent == 0 else k not in _BLOCK_KEYS)
                        and all(_is_scalar(y) for y in x.values()) and sum(len(str(y)) for y in x.values()) < 110):
                    out.append("%s%s: %s" % (pad, key, _flow_map(x, money_as)))
                elif not x:
                    out.append("%s%s: {}" % (pad, key))
                else:
                    out.append("%s%s:" % (pad, key))
                    _emit(x, indent + 2, out, money_as)
            elif isinstance(x, list):
                if not x:
                    out.append("%s%s: []" % (pad, key))
                elif all(_is_scalar(y) for y in x):
                    out.append("%s%s: %s" % (pad, key, _flow_list(x, money_as)))
                else:
                    out.append("%s%s:" % (pad, key))
                    _emit(x, indent + 2, out, money_as)
            else:
                out.append("%s%s: %s" % (pad, key, _yaml_scalar(x, False, money_as)))
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, dict) and x and all(_is_scalar(y) for y in x.values()):
                out.append("%s- %s" % (pad, _flow_map(x, money_as)))
            elif isinstance(x, dict):
                sub = []
                _emit(x, indent + 2, sub, money_as)
                sub[0] = pad + "- " + sub[0].lstrip()
                out.extend(sub)
            elif isinstance(x, list):
                out.append("%s- %s" % (pad, _flow_list(x, money_as)))
            else:
                out.append("%s- %s" % (pad, _yaml_scalar(x, False, money_as)))


def dump_yaml(doc, header_lines, money_as):
    out = ["# " + h for h in header_lines]
    _emit(doc, 0, out, money_as)
    return "\n".join(out) + "\n"


def _jsonable(v, money_as):
    if isinstance(v, dict):
        return {k: _jsonable(x, money_as) for k, x in v.items()}
    if isinstance(v, list):
        return [_jsonable(x, money_as) for x in v]
    if isinstance(v, Money):
        t = v.text()
        if "." not in t:
            return int(t)
        return t if money_as == "string" else float(t)
    if isinstance(v, Decimal):
        return float(v) if v != v.to_integral_value() else int(v)
    return v


def dump_json(doc, money_as):
    return json.dumps(_jsonable(doc, money_as), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------------------
# Identifiers (GB 32100-2015, GB 11714-1997): see shared/notes/identifiers.md
# --------------------------------------------------------------------------------------------

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def uscc_check(first17):
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_CHARS[(31 - s % 31) % 31]


def uscc_valid(code):
    return len(code) == 18 and all(c in USCC_CHARS for c in code) and uscc_check(code[:17]) == code[17]


def org_check(first8):
    def val(c):
        return int(c) if c.isdigit() else ord(c) - ord("A") + 10
    r = 11 - sum(val(c) * w for c, w in zip(first8, ORG_WEIGHTS)) % 11
    return "X" if r == 10 else ("0" if r == 11 else str(r))


def make_uscc(rng, prefix8, serial=None):
    """A valid USCC with the given registration/category/region prefix; characters 9-17 form a
    GB 11714 organisation code with a correct check character.

    With `serial` (a number below 31**6 and 10**8), the organisation code is a bijective scramble
    of it, so distinct serials give distinct organisation codes: callspec's batch rules identify
    an applicant by that code (batch.applicant-limit, batch.exclusive-categories)."""
    # Letters of the organisation-code body are drawn from the USCC alphabet (no I, O, Z, S, V).
    enterprise_style = prefix8[0] == "9" and (serial is not None or rng.random() < 0.7)
    if enterprise_style:
        n = (serial * 387420489 + 12345) % 31 ** 6 if serial is not None else rng.randrange(31 ** 6)
        tail = ""
        for _ in range(6):
            n, d = divmod(n, 31)
            tail = USCC_CHARS[d] + tail
        body = "MA" + tail
    elif serial is not None:
        body = "%08d" % ((serial * 9999991 + 4711) % 10 ** 8)
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = prefix8 + body + org_check(body)
    return first17 + uscc_check(first17)


def self_test():
    for code in ("91350100M000100Y43", "91110000600037341L", "9111000060003734F0"):
        assert uscc_valid(code), code
    assert not uscc_valid("91350100M000100Y44")
    for code in ("600037341", "000000000", "10000018X"):
        assert org_check(code[:8]) == code[8], code
    rng = random.Random(1)
    for _ in range(1000):
        c = make_uscc(rng, "51330100")
        assert uscc_valid(c) and org_check(c[8:16]) == c[16], c
    for prefix in ("51330100", "91320214"):
        codes = {make_uscc(rng, prefix, i)[8:17] for i in range(200000)}
        assert len(codes) == 200000, prefix
    names = {project_name(i, "7", None, 2025) for i in range(300000)}
    assert len({normalise(n) for n in names}) == 300000
    doc = load_yaml('a: 1\nb: "x: y"\nc: [1, 2.5, "3"]\nd: { e: f, g: [h] }\nl:\n  - x: 1\n    y: >-\n      ab\n      cd\n  - 2\n')
    assert doc == {"a": 1, "b": "x: y", "c": [1, Decimal("2.5"), "3"], "d": {"e": "f", "g": ["h"]},
                   "l": [{"x": 1, "y": "ab cd"}, 2]}, doc
    for s in ("2025-05-01", "013906510001", "yes", "No", "- x", "a: b", "12:30", "#x", "1e3", "@a", ""):
        assert load_yaml("k: " + _yaml_scalar(s, False, "string"))["k"] == s, s
    print("self-test ok")


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
            "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅晓辉鹏飞建国志强文博海燕宇航思远佳怡子涵雨桐浩然"
         "俊杰欣怡梓萱明轩一鸣嘉懿晨曦立新振华春雷雪松卫东宏伟丹丹婷婷亚楠志刚永福红霞晓东建平")
TOPICS = ("人工智能", "集成电路", "生物医药", "新能源汽车", "新材料", "高端装备制造", "现代农业", "数字经济", "节能环保",
          "物联网", "工业互联网", "智能制造", "大数据", "航空航天", "海洋科技", "医疗器械", "现代煤化工", "新型储能",
          "光伏", "氢能", "量子信息", "区块链", "5G通信", "生命健康", "食品安全", "绿色低碳", "智慧城市", "乡村振兴",
          "中医药", "智能网联汽车", "先进结构材料", "精细化工", "现代纺织", "轨道交通", "机器人", "遥感与测绘")
DISCIPLINES = ("人工智能", "电子", "机械工程", "化工", "农学", "药学", "材料", "计算机", "通信", "自动化", "水利",
               "土木建筑", "环境科学", "气象", "地理", "测绘", "生物工程", "植物保护", "营养", "仪器仪表", "光学",
               "金属", "能源研究", "科普作家", "青少年科技教育", "自然辩证法", "科技咨询", "信息技术", "检验医学",
               "农业机械", "林学", "畜牧兽医", "园艺", "水产", "储能", "数学", "物理", "化学", "生态")
ACTIVITIES = ("学术交流活动", "科普讲座", "技术路演", "产学研对接会", "专题培训班", "科学咖啡馆活动", "成果推介会",
              "科技志愿服务活动", "青少年科技营", "科普展览", "专家报告会", "技术诊断服务", "揭榜挂帅对接活动", "学术沙龙",
              "科技成果发布会", "企业技术会诊", "院士专家进企业活动", "科普进社区活动", "青年科学家论坛", "产业技术研讨会")
ACTORS = ("院士专家", "科技工作者", "学会会员", "青年科技人才", "企业技术骨干", "高校师生", "海归人才", "基层农技人员",
          "中小学生", "社区居民", "科普志愿者", "园区企业", "科技型中小企业", "专精特新企业", "高新技术企业")
PLATFORMS = ("“科创中国”平台", "学会服务站", "科技社团共富驿站", "院士专家工作站", "科普教育基地", "产业技术研究院",
             "海智基地", "园区科协", "学会企业联合体", "产学研协同创新中心", "技术转移中心", "科技志愿服务队")
VERBS = ("组织开展", "举办", "策划实施", "联合举办", "持续推进", "常态化开展", "系统开展", "分批次开展")
RESULTS = ("促成资智对接项目", "推动科技成果转化", "提升企业自主创新能力", "服务会员成长成才", "提高公众科学素质",
           "打造特色品牌活动", "建立长效合作机制", "形成典型工作案例", "发布技术需求清单", "凝练产业共性技术问题",
           "培育科技志愿服务骨干", "带动上下游企业协同发展", "引进高层次人才团队", "推广适用新技术新品种")
UNITS = ("场", "场", "场次", "期", "次")
CONNECTORS = ("同时，", "此外，", "在此基础上，", "项目实施中，", "", "", "另外，", "结合地方实际，")
SENTENCES = (
    "{c}围绕{topic}产业发展需求，{verb}{activity}{n}{unit}，{result}。",
    "{c}依托{platform}，组织{actor}深入企业一线，{verb}{activity}，累计服务{n2}人次。",
    "{c}聚焦{topic}领域关键共性技术难题，邀请{actor}开展{activity}，{result}{n}项以上。",
    "{c}按照“前期调研—集中对接—跟踪服务”的工作思路，{verb}{activity}，推动{topic}产业链上下游深度融合。",
    "{c}面向{actor}，{verb}{topic}主题{activity}，提升科学素质和创新能力，预计参与{n2}人次。",
    "{c}发挥学会人才荟萃、智力密集的优势，联合{platform}建立常态化联络机制，{result}。",
    "{c}项目分筹备、实施和总结三个阶段推进：筹备阶段完成方案设计和资源对接，实施阶段按计划开展{activity}，总结阶段形成成果报告和绩效材料。",
    "{c}建立专家库，遴选{topic}领域专家{n}名，围绕企业技术需求开展“点对点”服务，{result}。",
    "{c}通过线上线下相结合的方式，{verb}{activity}{n}{unit}，线上观看人数预计超过{n3}人次。",
    "{c}加强宣传推广，在主流媒体和新媒体平台发布活动报道{n}篇，扩大{topic}科普传播影响力。",
    "{c}健全项目管理制度，明确专人负责，严格按照预算使用经费，确保{activity}取得实效。",
    "{c}与{platform}签订合作协议，共建{topic}创新服务平台，{result}。",
)


PLACES = ("", "长三角", "西湖区", "余杭区", "滨江区", "萧山区", "临安区", "桐庐县", "淳安县", "建德市", "银川市",
          "石嘴山市", "吴忠市", "固原市", "中卫市", "宁东", "南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市",
          "连云港市", "淮安市", "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市", "成都市", "青岛市", "济南市", "泉州市",
          "南宁市", "包头市", "铜陵市", "咸宁市", "永川区", "濮阳市", "泰安市", "宁波市", "嘉兴市", "广州市", "深圳市",
          "天津滨海新区", "中关村", "杨浦区", "东湖高新区", "吕梁市", "七台河市")
PROJECT_KINDS = ("产学研协同创新行动", "学术交流与成果转化项目", "科技服务能力提升工程", "科普品牌建设项目",
                 "产业科技服务行动", "创新平台能力建设", "高质量发展学术交流会", "人才引育与资智对接计划",
                 "专家服务基层行动", "科技志愿服务示范项目", "产业链协同创新服务", "技术需求挖掘与对接行动",
                 "青年科技人才托举行动", "科技成果转化对接会", "学会服务站建设", "院士专家工作站建设",
                 "科学咖啡馆系列活动", "企业技术会诊服务", "学术论坛", "科普基地提质行动")
NAME_FORMS = ("{place}{topic}{kind}", "{year}年度{place}{topic}{kind}", "{place}服务{topic}产业{kind}",
              "面向{place}{topic}产业的{kind}")


def project_name(index, seed, topic, year):
    """A project name that is distinct for every index (after callspec's normalisation, which
    keeps only letters and digits): callspec's batch rule batch.duplicate-project reports files of
    one call that share a project name."""
    radix = (len(PLACES), len(TOPICS), len(PROJECT_KINDS), len(NAME_FORMS))
    space = radix[0] * radix[1] * radix[2] * radix[3]
    a = 1000003  # coprime to `space`: (a*i + b) mod space is a bijection
    b = sum(ord(c) for c in str(seed)) * 7919
    n = (a * (index % space) + b) % space
    n, p = divmod(n, radix[0])
    n, t = divmod(n, radix[1])
    f, k = divmod(n, radix[2])
    name = NAME_FORMS[f].format(place=PLACES[p], topic=topic or TOPICS[t], kind=PROJECT_KINDS[k], year=year or 2025)
    if index >= space:
        name += "（第%d期）" % (index // space + 1)
    return name


def normalise(name):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKC", name).casefold() if c.isalnum())


def person_name(rng):
    n = 1 if rng.random() < 0.35 else 2
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(n))


def text_of_length(rng, target, hard_max=None):
    """Chinese prose of about `target` characters (never more than hard_max)."""
    limit = hard_max if hard_max is not None else target
    out = ""
    while True:
        s = rng.choice(SENTENCES).format(
            c=rng.choice(CONNECTORS) if out else "", topic=rng.choice(TOPICS), verb=rng.choice(VERBS),
            activity=rng.choice(ACTIVITIES), n=rng.randint(2, 60), n2=rng.randint(80, 3000),
            n3=rng.randint(1000, 50000), unit=rng.choice(UNITS), result=rng.choice(RESULTS),
            platform=rng.choice(PLATFORMS), actor=rng.choice(ACTORS))
        if len(out) + len(s) > limit:
            if len(out) >= 0.6 * target or len(s) > limit:
                break
            continue
        out += s
        if len(out) >= target:
            break
    return out


_SUFFIXES = ("科学技术协会", "科协", "学会联合体", "创业联合体", "学会", "协会", "研究会", "促进会", "大学", "学院",
             "研究院", "研究所", "有限公司", "股份有限公司", "集团", "中心", "人民政府", "管理委员会", "基地")
_PREFIX_RE = re.compile(r"^(中国|宁夏回族自治区|宁夏|江苏省|浙江省|四川省|广西|杭州市|南京市|无锡市|银川市|石嘴山市|"
                        r"[\u4e00-\u9fff]{1,3}?(?:省|市|县|区|自治区))")


def org_name(rng, template):
    """A new organisation name in the template's shape: its region prefix and its kind of body."""
    m = _PREFIX_RE.match(template)
    prefix = m.group(1) if m else ""
    suffix = ""
    for s in sorted(_SUFFIXES, key=len, reverse=True):
        if template.endswith(s):
            suffix = s
            break
    if not suffix:
        suffix = template[-2:]
    core = rng.choice(DISCIPLINES)
    if suffix in ("有限公司", "股份有限公司", "集团"):
        core = rng.choice(("华", "科", "创", "智", "瑞", "恒", "鼎", "新", "博", "正")) + \
            rng.choice(("源", "达", "信", "元", "泰", "通", "远", "景", "讯", "联")) + rng.choice(TOPICS)[:2] + "科技"
    elif suffix in ("大学", "学院"):
        region = prefix or template[:2]
        return region + rng.choice(("理工", "科技", "工业", "师范", "农业", "医科", "信息工程", "交通", "财经", "石油化工")) + suffix
    elif suffix in ("人民政府", "管理委员会"):
        return template  # a government body keeps its name
    elif suffix in ("科学技术协会", "科协") and m:
        core = rng.choice(("", "高新区", "经开区", "开发区", "科技园", "工业园区", "大学", "医院")) if rng.random() < 0.6 else ""
        if not core:
            return template
    return prefix + core + suffix


def mobile(rng):
    return rng.choice(("13", "15", "18", "17", "19")) + str(rng.randint(0, 9)) + "".join(
        rng.choice("0123456789") for _ in range(8))


def email_local(rng):
    syl = ("zhang", "wang", "li", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "hu", "zhu",
           "gao", "lin", "he", "guo", "ma", "luo", "min", "hua", "jun", "ting", "xiao", "wei", "fang", "lei", "yu")
    return "".join(rng.choice(syl) for _ in range(rng.randint(2, 3))) + (str(rng.randint(1, 99)) if rng.random() < 0.3 else "")


# --------------------------------------------------------------------------------------------
# Specs
# --------------------------------------------------------------------------------------------

def _to_cents(v):
    if isinstance(v, Money):
        return v.cents
    if v is None:
        return 0
    return int((Decimal(str(v)) * 100).to_integral_value())


class CallInfo:
    def __init__(self, spec):
        call = spec["call"]
        self.id = call["id"]
        form = spec.get("form") or {}
        self.text_limits = {t["field"]: (t.get("min_chars"), t.get("max_chars")) for t in form.get("text_limits") or []}
        self.budget_rules = {b["rule"] for b in form.get("budget") or []}
        self.identifier = (form.get("identifier") or {}).get("kind")
        self.references = {r["id"]: r for r in spec.get("references") or []}
        self.categories = {}  # path -> dict(amount, kpis, deliverables, pilot)
        self.groups = set()
        self._walk(spec.get("categories") or [], [], {})

    def _walk(self, cats, path, inherited):
        for c in cats:
            p = path + [c["id"]]
            info = dict(inherited)
            if c.get("amount") is not None:
                info["amount"] = c["amount"]
            if c.get("pilot") is not None:
                info["pilot"] = c["pilot"]
            info["kpis"] = list(inherited.get("kpis", [])) + list(c.get("kpis") or [])
            info["deliverables"] = list(inherited.get("deliverables", [])) + list(c.get("deliverables") or [])
            self.categories["/".join(p)] = info
            if c.get("children"):
                self.groups.add("/".join(p))
                self._walk(c["children"], p, info)

    def kpi_bounds(self, path):
        """{kpi id: (min, max, is_option, per_event_min)} for a category, options included."""
        out = {}

        def add(k, option):
            if k.get("options"):
                for o in k["options"]:
                    add(o, True)
            else:
                out[k["id"]] = (k.get("min"), k.get("max"), option, k.get("per_event_min_attendance"))
        for k in self.categories.get(path, {}).get("kpis", []):
            add(k, False)
        return out


def load_calls(specs_dir):
    calls = {}
    for name in sorted(os.listdir(specs_dir)):
        if not name.endswith((".yaml", ".yml")):
            continue
        with open(os.path.join(specs_dir, name), encoding="utf-8") as f:
            spec = load_yaml(f.read())
        if isinstance(spec, dict) and spec.get("callspec") and isinstance(spec.get("call"), dict):
            info = CallInfo(spec)
            calls[info.id] = info
    return calls


def load_templates(examples_dir, call_ids):
    out = []
    for cid in call_ids:
        d = os.path.join(examples_dir, cid, "valid")
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith((".yaml", ".yml")):
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    doc = load_yaml(f.read())
                # The examples' `expect:` blocks describe the examples themselves, not the
                # generated variations (whose mistakes are listed in manifest.tsv).
                doc.pop("expect", None)
                out.append((cid, name.rsplit(".", 1)[0], doc))
    return out


# --------------------------------------------------------------------------------------------
# Variation
# --------------------------------------------------------------------------------------------

def _deepcopy(v):
    if isinstance(v, dict):
        return {k: _deepcopy(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_deepcopy(x) for x in v]
    return v


def split_cents(rng, total, weights, grain=10):
    """Split `total` cents into len(weights) positive parts (multiples of `grain` where possible)."""
    n = len(weights)
    if n == 0:
        return []
    if total % grain or total < grain * n:
        grain = 1
    units = total // grain
    if units < n:
        return [total] + [0] * (n - 1) if n else []
    w = [max(0.05, float(x)) * rng.uniform(0.7, 1.3) for x in weights]
    s = sum(w)
    parts = [max(1, int(units * x / s)) for x in w]
    diff = units - sum(parts)
    order = sorted(range(n), key=lambda i: -parts[i])
    i = 0
    while diff != 0:
        j = order[i % n]
        if diff > 0:
            parts[j] += 1
            diff -= 1
        elif parts[j] > 1:
            parts[j] -= 1
            diff += 1
        i += 1
    return [p * grain for p in parts]


def _round_to(cents, grain):
    return max(grain, int(round(cents / grain)) * grain)


class Generator:
    MISTAKES = ("over-cap", "kpi-below-min", "credit-code-check", "text-over-limit", "missing-field",
                "budget-sum", "unknown-category")

    def __init__(self, calls, templates, seed, invalid_share, money_as):
        self.calls = calls
        self.templates = templates
        self.seed = seed
        self.invalid_share = invalid_share
        self.money_as = money_as

    # -- one file --------------------------------------------------------------------------

    def make(self, index):
        rng = random.Random("%s:%d" % (self.seed, index))
        cid, tname, template = self.templates[rng.randrange(len(self.templates))]
        call = self.calls[cid]
        doc = _deepcopy(template)
        cat = doc.get("category")
        path = cat if isinstance(cat, str) else None
        self.vary(rng, doc, call, path, index)
        mistakes, codes = [], []
        if rng.random() < self.invalid_share:
            applicable = [m for m in self.MISTAKES if self.applicable(m, doc, call, path)]
            rng.shuffle(applicable)
            k = 1 if rng.random() < 0.7 else 2
            # An unknown category or a missing field hides other rules; keep those alone.
            chosen = []
            for m in applicable:
                if len(chosen) == k:
                    break
                if chosen and (m in ("unknown-category", "missing-field") or
                               chosen[0] in ("unknown-category", "missing-field")):
                    continue
                chosen.append(m)
            chosen.sort(key=self.MISTAKES.index)  # over-cap re-splits the budget: before budget-sum
            for m in chosen:
                code = self.apply(rng, m, doc, call, path)
                mistakes.append(m)
                codes.append(code)
        return cid, tname, doc, mistakes, codes

    def vary(self, rng, doc, call, path, index):
        info = call.categories.get(path, {}) if path else {}
        names, numbers, orgs = {}, {}, {}

        def new_person(old):
            if old not in names:
                names[old] = person_name(rng)
            return names[old]

        def new_number(old):
            key = str(old)
            if key not in numbers:
                if re.fullmatch(r"1[3-9][0-9]{9}", key):
                    numbers[key] = mobile(rng)
                else:
                    digits = [c for c in key]
                    for i in range(max(0, len(digits) - 4), len(digits)):
                        if digits[i].isdigit():
                            digits[i] = rng.choice("0123456789")
                    numbers[key] = "".join(digits)
            return numbers[key]

        # Project.
        proj = doc.get("project") or {}
        year = str(proj.get("start", ""))[:4]
        if "name" in proj:
            proj["name"] = project_name(index, self.seed, None, int(year) if year.isdigit() else None)
        lim = call.text_limits
        for field, lo, hi in (("summary", 300, 1500), ("content", 300, 1500), ("basis", 120, 600),
                              ("conditions", 120, 500), ("outcomes", 100, 400)):
            if field not in proj and field != "content":
                continue
            mn, mx = lim.get("project." + field, (None, None))
            top = hi if mx is None else min(hi, mx - 5)
            bottom = min(lo, int(top * 0.6)) if mx is not None else lo
            if mn is not None:
                bottom = max(bottom, mn)
            target = rng.randint(bottom, top)
            proj[field] = text_of_length(rng, target, top)
        if proj and list(proj)[-1] == "content" and "summary" in proj:
            # content was added: put it right after the summary, where the form has it
            items = [(k, v) for k, v in proj.items() if k != "content"]
            at = [k for k, _ in items].index("summary") + 1
            items.insert(at, ("content", proj["content"]))
            proj.clear()
            proj.update(items)
        # Pilot city and industry from the spec's list.
        pilot = info.get("pilot")
        if "pilot_city" in proj and pilot and pilot.get("list") in call.references:
            entry = rng.choice(call.references[pilot["list"]]["entries"])
            proj["pilot_city"] = entry["name"]
            if "industry" in proj and entry.get("industries"):
                proj["industry"] = rng.choice(entry["industries"])

        # Lead.
        lead = doc.get("lead") or {}
        if "name" in lead:
            old = lead["name"]
            lead["name"] = org_name(rng, old)
            orgs[old] = lead["name"]
            if isinstance(lead.get("bank"), dict):
                lead["bank"]["account_name"] = lead["name"]
                acct = str(lead["bank"].get("account", "6222000000000000"))
                lead["bank"]["account"] = acct[:4] + "".join(rng.choice("0123456789") for _ in acct[4:])
        if isinstance(lead.get("credit_code"), str) and len(lead["credit_code"]) == 18:
            lead["credit_code"] = make_uscc(rng, lead["credit_code"][:8], serial=index)
            if "org_code" in lead:
                lead["org_code"] = lead["credit_code"][8:16] + "-" + lead["credit_code"][16]
        elif isinstance(lead.get("org_code"), str):
            body = "".join(rng.choice("0123456789") for _ in range(8))
            lead["org_code"] = body + "-" + org_check(body)
        if "profile" in lead:
            mn, mx = lim.get("lead.profile", (None, None))
            top = 600 if mx is None else mx - 5
            lead["profile"] = text_of_length(rng, rng.randint(min(150, top), top), top)
        if "phone" in lead:
            lead["phone"] = new_number(lead["phone"])

        # Joint applicants and partners.
        for key in ("joint", "partners"):
            for o in doc.get(key) or []:
                if not isinstance(o, dict):
                    continue
                if "name" in o:
                    new = org_name(rng, o["name"])
                    orgs[o["name"]] = new
                    o["name"] = new
                if isinstance(o.get("credit_code"), str) and len(o["credit_code"]) == 18:
                    o["credit_code"] = make_uscc(rng, o["credit_code"][:8])
                if "contact" in o:
                    o["contact"] = new_person(o["contact"])
                if "phone" in o:
                    o["phone"] = new_number(o["phone"])

        # People.
        domain = None
        for key in ("leader", "contact"):
            p = doc.get(key)
            if not isinstance(p, dict):
                continue
            if "name" in p:
                p["name"] = new_person(p["name"])
            for f in ("mobile", "phone"):
                if f in p:
                    p[f] = new_number(p[f])
            if isinstance(p.get("email"), str) and "@" in p["email"]:
                domain = p["email"].split("@", 1)[1]
                p["email"] = email_local(rng) + "@" + domain
        for m in doc.get("team") or []:
            if isinstance(m, dict):
                if "name" in m:
                    m["name"] = new_person(m["name"])
                if "contact" in m:
                    m["contact"] = new_number(m["contact"])

        # Old organisation names inside people's positions and team members' units.
        if orgs:
            olds = sorted(orgs, key=len, reverse=True)

            def rename(text):
                for o in olds:
                    if o in text:
                        return text.replace(o, orgs[o])
                return text
            for key in ("leader", "contact"):
                p = doc.get(key)
                if isinstance(p, dict) and isinstance(p.get("position"), str):
                    p["position"] = rename(p["position"])
            for m in doc.get("team") or []:
                if isinstance(m, dict) and isinstance(m.get("organisation"), str):
                    m["organisation"] = rename(m["organisation"])

        # Budget.
        self.vary_budget(rng, doc, call, info)

        # KPIs, events, deliverables.
        bounds = call.kpi_bounds(path) if path else {}
        linked = {e.get("kpi") for e in doc.get("events") or [] if isinstance(e, dict)}
        kpis = doc.get("kpis") or {}
        for k, v in list(kpis.items()):
            if not isinstance(v, int) or k in linked:
                continue
            mn, mx, _, _ = bounds.get(k, (None, None, False, None))
            nv = v + rng.randint(0, max(1, v // 2))
            if mn is not None:
                nv = max(nv, mn)
            if mx is not None:
                nv = min(nv, mx)
            kpis[k] = nv
        for e in doc.get("events") or []:
            if isinstance(e, dict) and isinstance(e.get("attendance"), int):
                e["attendance"] = e["attendance"] + rng.randint(0, max(1, e["attendance"] * 3 // 10))
        dbounds = {d["id"]: (d.get("min_chars"), d.get("max_chars")) for d in info.get("deliverables", [])}
        for d in doc.get("deliverables") or []:
            if isinstance(d, dict) and isinstance(d.get("chars"), int):
                mn, mx = dbounds.get(d.get("id"), (None, None))
                lo = max(mn or 0, int(d["chars"] * 0.8))
                hi = int(d["chars"] * 1.5)
                if mx is not None:
                    hi = min(hi, mx)
                    lo = min(lo, hi)
                d["chars"] = rng.randint(lo, max(lo, hi))

    def vary_budget(self, rng, doc, call, info):
        b = doc.get("budget")
        if not isinstance(b, dict):
            return
        req0 = _to_cents(b.get("requested", 0))
        other0 = _to_cents(b.get("other", 0) or 0)
        amount = info.get("amount") or {}
        kind, value = amount.get("kind"), amount.get("value")
        if kind == "fixed":
            req = _to_cents(value)
        elif kind in ("cap", "soft-cap") and value is not None:
            cap = _to_cents(value)
            req = _round_to(int(cap * rng.uniform(0.4, 1.0)), 50)
            req = min(req, cap)
        elif kind == "unstated":
            req = _round_to(int(req0 * rng.uniform(0.6, 1.6)), 50)
        else:
            req = req0
        if other0 == 0 and rng.random() < 0.7:
            other = 0
        else:
            base = other0 if other0 else max(100, req // 4)
            other = _round_to(int(base * rng.uniform(0.5, 2.0)), 10)
        self.set_budget(rng, b, call, req, other)

    def set_budget(self, rng, b, call, req, other):
        total0 = _to_cents(b.get("total", 0))
        req0 = _to_cents(b.get("requested", 0))
        items = [i for i in b.get("items") or [] if isinstance(i, dict)]
        phases = [p for p in b.get("phases") or [] if isinstance(p, dict)]
        items_sum0 = sum(_to_cents(i.get("amount", 0)) for i in items)
        phases_sum0 = sum(_to_cents(p.get("amount", 0)) for p in phases)
        total = req + other
        b["total"] = Money(total)
        b["requested"] = Money(req)
        if "other" in b or other:
            b["other"] = Money(other)
        if items:
            if "items-sum-to-total" in call.budget_rules or (
                    "items-sum-to-requested" not in call.budget_rules and items_sum0 == total0 and items_sum0 != req0):
                target = total
            else:
                target = req
            for i, c in zip(items, split_cents(rng, target, [_to_cents(i.get("amount", 0)) for i in items])):
                i["amount"] = Money(c)
        if phases:
            if "phases-sum-to-total" in call.budget_rules or phases_sum0 == total0:
                target = total
            else:
                target = req
            for p, c in zip(phases, split_cents(rng, target, [_to_cents(p.get("amount", 0)) for p in phases])):
                p["amount"] = Money(c)

    # -- mistakes --------------------------------------------------------------------------

    def _plain_kpis(self, doc, call, path):
        bounds = call.kpi_bounds(path) if path else {}
        return [k for k, v in (doc.get("kpis") or {}).items()
                if k in bounds and not bounds[k][2] and (bounds[k][0] or 0) >= 1 and isinstance(v, int)]

    def applicable(self, m, doc, call, path):
        info = call.categories.get(path, {}) if path else {}
        amount = info.get("amount") or {}
        if m == "over-cap":
            # Not for 无经费 categories (fixed at 0): a request there has no itemised budget to go with it.
            return (amount.get("kind") in ("fixed", "cap", "soft-cap") and isinstance(doc.get("budget"), dict)
                    and _to_cents(amount.get("value")) > 0)
        if m == "kpi-below-min":
            return bool(self._plain_kpis(doc, call, path))
        if m == "credit-code-check":
            return isinstance((doc.get("lead") or {}).get("credit_code"), str)
        if m == "text-over-limit":
            if any(self._field(doc, f) is not None for f in call.text_limits):
                return True
            return bool(self._bounded_deliverables(doc, info))
        if m == "missing-field":
            return True
        if m == "budget-sum":
            b = doc.get("budget") or {}
            return bool(b.get("items")) and bool(call.budget_rules & {"items-sum-to-requested", "items-sum-to-total"})
        if m == "unknown-category":
            return isinstance(doc.get("category"), str)
        return False

    @staticmethod
    def _field(doc, dotted):
        v = doc
        for part in dotted.split("."):
            if not isinstance(v, dict) or part not in v:
                return None
            v = v[part]
        return v

    @staticmethod
    def _bounded_deliverables(doc, info):
        dbounds = {d["id"]: (d.get("min_chars"), d.get("max_chars")) for d in info.get("deliverables", [])}
        return [d for d in doc.get("deliverables") or []
                if isinstance(d, dict) and d.get("id") in dbounds and any(x is not None for x in dbounds[d["id"]])]

    def apply(self, rng, m, doc, call, path):
        info = call.categories.get(path, {}) if path else {}
        if m == "over-cap":
            amount = info["amount"]
            b = doc["budget"]
            base = _to_cents(amount["value"])
            req = base + _round_to(int(max(base, 200) * rng.uniform(0.05, 0.5)), 10)
            self.set_budget(rng, b, call, req, _to_cents(b.get("other", 0) or 0))
            return {"fixed": "budget.amount-mismatch", "cap": "budget.over-cap",
                    "soft-cap": "budget.over-soft-cap"}[amount["kind"]]
        if m == "kpi-below-min":
            bounds = call.kpi_bounds(path)
            k = rng.choice(self._plain_kpis(doc, call, path))
            doc["kpis"][k] = rng.randint(0, bounds[k][0] - 1)
            return "kpi.out-of-range"
        if m == "credit-code-check":
            code = doc["lead"]["credit_code"]
            bad = rng.choice([c for c in USCC_CHARS if c != code[-1]])
            doc["lead"]["credit_code"] = code[:-1] + bad
            return "identifier.credit-code"
        if m == "text-over-limit":
            fields = [f for f in call.text_limits if self._field(doc, f) is not None]
            if fields:
                f = rng.choice(fields)
                mx = call.text_limits[f][1]
                parent = self._field(doc, f.rsplit(".", 1)[0]) if "." in f else doc
                n = rng.randint(mx + 1, mx + 300)
                parent[f.rsplit(".", 1)[-1]] = text_of_length(rng, n + 60, n + 60)[:n]
                return "text.length"
            dbounds = {d["id"]: (d.get("min_chars"), d.get("max_chars")) for d in info.get("deliverables", [])}
            d = rng.choice(self._bounded_deliverables(doc, info))
            mn, mx = dbounds[d["id"]]
            if mx is not None and (mn is None or rng.random() < 0.5):
                d["chars"] = mx + rng.randint(1, 2000)
            else:
                d["chars"] = rng.randint(max(0, mn // 3), mn - 1)
            return "deliverable.length"
        if m == "missing-field":
            choices = [("project", "summary"), ("leader", None), ("contact", None), ("budget", "requested"),
                       ("lead", "name"), ("project", "start")]
            parent, key = rng.choice(choices)
            if key is None:
                doc.pop(parent, None)
            else:
                (doc.get(parent) or {}).pop(key, None)
            return "schema.missing-key"
        if m == "budget-sum":
            items = doc["budget"]["items"]
            it = rng.choice(items)
            it["amount"] = Money(it["amount"].cents + rng.choice((-1, 1)) * rng.choice((10, 20, 30, 50, 100)))
            if it["amount"].cents <= 0:
                it["amount"] = Money(it["amount"].cents + 200)
            return "budget.items-sum"
        if m == "unknown-category":
            cat = doc["category"]
            head = cat.split("/")[0]
            bogus = rng.choice(("forum", "innovation-award", "science-festival", "talent-program", "special"))
            new = head + "/" + bogus if head in call.groups else bogus + "-project"
            while new in call.categories:
                new += "-x"
            doc["category"] = new
            return "category.unknown"
        raise ValueError(m)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, help="number of files to write")
    ap.add_argument("--out", help="output folder (files go to OUT/0000/, OUT/0001/, ...)")
    ap.add_argument("--format", choices=("yaml", "json"), default="yaml")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--invalid-share", type=float, default=0.2)
    ap.add_argument("--call", default="all", help="a call id, or all")
    ap.add_argument("--specs", default=os.path.join(root, "specs"))
    ap.add_argument("--examples", default=os.path.join(root, "examples"))
    ap.add_argument("--decimal-money", choices=("string", "number"), default="string",
                    help="write decimal amounts as quoted strings (default; passes the JSON Schema) or numbers")
    ap.add_argument("--per-folder", type=int, default=1000, help="files per subfolder (at most 1000 by default)")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core); output is the same")
    ap.add_argument("--self-test", action="store_true", help="check the identifier code and the YAML reader")
    a = ap.parse_args(argv)
    if a.self_test:
        self_test()
        return 0
    if a.count is None or a.out is None:
        ap.error("--count and --out are required")
    if not 0 <= a.invalid_share <= 1:
        ap.error("--invalid-share must be between 0 and 1")
    calls = load_calls(a.specs)
    ids = sorted(calls) if a.call == "all" else [a.call]
    for cid in ids:
        if cid not in calls:
            ap.error("unknown call %r (known: %s)" % (cid, ", ".join(sorted(calls))))
    templates = load_templates(a.examples, ids)
    if not templates:
        ap.error("no valid example drafts found for %s" % ", ".join(ids))
    os.makedirs(a.out, exist_ok=True)
    cfg = (calls, templates, a.seed, a.invalid_share, a.decimal_money, a.format, a.out, a.per_folder)
    chunks = [(lo, min(a.count, lo + a.per_folder)) for lo in range(0, a.count, a.per_folder)]
    jobs = a.jobs or os.cpu_count() or 1
    if jobs > 1 and len(chunks) > 1:
        import multiprocessing
        with multiprocessing.Pool(min(jobs, len(chunks)), initializer=_init_worker, initargs=(cfg,)) as pool:
            results = pool.map(_write_chunk, chunks)
    else:
        _init_worker(cfg)
        results = [_write_chunk(c) for c in chunks]
    total_bytes = sum(r[1] for r in results)
    invalid = sum(r[2] for r in results)
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8") as manifest:
        manifest.write("file\tcall\ttemplate\tmistakes\texpected_codes\n")
        for r in results:
            manifest.write(r[0])
    avg = total_bytes / a.count if a.count else 0
    print("wrote %d %s files (%d with mistakes) to %s; %d bytes, %.0f bytes/file on average"
          % (a.count, a.format, invalid, a.out, total_bytes, avg), file=sys.stderr)
    return 0


_WORKER = {}


def _init_worker(cfg):
    calls, templates, seed, share, money_as, fmt, out, per_folder = cfg
    _WORKER.update(gen=Generator(calls, templates, seed, share, money_as), seed=seed, money_as=money_as,
                   fmt=fmt, out=out, per_folder=per_folder)


def _write_chunk(bounds):
    """Writes files lo..hi-1 (one subfolder); returns (manifest lines, bytes, files with mistakes)."""
    w = _WORKER
    lines, total, invalid = [], 0, 0
    ext = "." + w["fmt"]
    for i in range(*bounds):
        cid, tname, doc, mistakes, codes = w["gen"].make(i)
        sub = "%04d" % (i // w["per_folder"])
        rel = sub + "/" + "%06d-%s%s" % (i, tname, ext)
        if i == bounds[0]:
            os.makedirs(os.path.join(w["out"], sub), exist_ok=True)
        if w["fmt"] == "yaml":
            header = ["generated by bench/generate.py (seed %s, file %d, template %s/%s)" % (w["seed"], i, cid, tname),
                      "expect: " + " ".join(sorted(set(codes)))]
            text = dump_yaml(doc, header, w["money_as"])
        else:
            text = dump_json(doc, w["money_as"])
        data = text.encode("utf-8")
        total += len(data)
        with open(os.path.join(w["out"], rel), "wb") as f:
            f.write(data)
        if mistakes:
            invalid += 1
        lines.append("%s\t%s\t%s\t%s\t%s\n" % (rel, cid, tname, ",".join(mistakes), ",".join(codes)))
    return "".join(lines), total, invalid

if __name__ == "__main__":
    sys.exit(main())
