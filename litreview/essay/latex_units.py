"""siunitx's numbers and units (``\\SI{9.81}{\\metre\\per\\second\\squared}``, ``\\qty``, ``\\si``, ``\\num``, ranges and
lists) as the PDF prints them, "9.81 m s⁻²", as pandoc's LaTeX reader prints them too (the claim text read "9.81": the
unit dropped, and "\\SIrange{1}{5}{\\percent}" read "15")."""

from __future__ import annotations

import re
from typing import Any

from ..text import and_list

ARGUMENTS = {"SI": "[{[{", "qty": "[{{", "si": "[{", "unit": "[{", "num": "[{", "ang": "[{",
             "SIrange": "[{{{", "qtyrange": "[{{{", "numrange": "[{{", "SIlist": "[{{", "qtylist": "[{{",
             "numlist": "[{"}
"""Each command's arguments, as pylatexenc reads them: its options, then its number(s) and unit."""

UNITS = {"percent": "%", "metre": "m", "meter": "m", "second": "s", "gram": "g", "kilogram": "kg", "litre": "l",
         "liter": "l", "mole": "mol", "kelvin": "K", "degreeCelsius": "°C", "degree": "°", "arcminute": "′",
         "arcsecond": "″", "hertz": "Hz", "newton": "N", "pascal": "Pa", "joule": "J", "watt": "W", "volt": "V",
         "ampere": "A", "ohm": "Ω", "coulomb": "C", "farad": "F", "tesla": "T", "henry": "H", "siemens": "S",
         "becquerel": "Bq", "gray": "Gy", "sievert": "Sv", "lumen": "lm", "lux": "lx", "candela": "cd",
         "radian": "rad", "steradian": "sr", "katal": "kat", "weber": "Wb", "minute": "min", "hour": "h", "day": "d",
         "hectare": "ha", "tonne": "t", "electronvolt": "eV", "dalton": "Da", "bel": "B", "decibel": "dB",
         "neper": "Np", "byte": "B", "bit": "bit", "molar": "M", "astronomicalunit": "au", "angstrom": "Å",
         "bar": "bar", "mmHg": "mmHg", "atomicmassunit": "u", "parsec": "pc", "lightyear": "ly"}
"""siunitx's unit macros and the symbols they print."""

PREFIXES = {"yocto": "y", "zepto": "z", "atto": "a", "femto": "f", "pico": "p", "nano": "n", "micro": "μ",
            "milli": "m", "centi": "c", "deci": "d", "deca": "da", "deka": "da", "hecto": "h", "kilo": "k",
            "mega": "M", "giga": "G", "tera": "T", "peta": "P", "exa": "E", "zetta": "Z", "yotta": "Y"}
"""siunitx's prefix macros and the symbols they print before the unit."""

_POWERS = {"square": "2", "squared": "2", "cubic": "3", "cubed": "3"}
_SUPERSCRIPT = str.maketrans("0123456789-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")
_TOKEN = re.compile(r"\\([A-Za-z]+)\s*(?:\{([^{}]*)\})?|([^\\]+)")
_EXPONENT = re.compile(r"^\s*([+-]?[\d.,]*)\s*[eE]\s*([+-]?\d+)\s*$")


def unit_text(written: str) -> str:
    """A unit argument as printed: "\\kilo\\metre\\per\\hour" as "km h⁻¹"; text as written ("mg/L")."""
    parts: list[str] = []
    prefix = power = ""
    per = False
    for m in _TOKEN.finditer(written):
        name, argument, text = m.groups()
        if text is not None:
            if text.strip():
                parts.append(text.strip())
            continue
        if name == "per":
            per = True
        elif name in PREFIXES:
            prefix += PREFIXES[name]
        elif name in ("square", "cubic"):
            power = _POWERS[name]
        elif name in ("squared", "cubed") and parts:
            parts[-1] = _raise(parts[-1], _POWERS[name])
        elif name == "tothe" and argument and parts:
            parts[-1] = _raise(parts[-1], argument.strip())
        elif name in UNITS:
            symbol = prefix + UNITS[name]
            exponent = ("-" if per else "") + (power or ("1" if per else ""))
            parts.append(symbol + exponent.translate(_SUPERSCRIPT) if exponent else symbol)
            prefix = power = ""
            per = False
    return " ".join(parts)


def _raise(symbol: str, power: str) -> str:
    """``symbol`` to ``power``, an exponent it has (a "per"'s ⁻¹) multiplied in: "s⁻¹" squared is "s⁻²"."""
    if symbol.endswith("⁻¹"):
        return symbol[:-2] + ("-" + power).translate(_SUPERSCRIPT)
    return symbol + power.translate(_SUPERSCRIPT)


def number_text(written: str) -> str:
    """A number argument as printed: "2.5e-3" as "2.5 × 10⁻³", "1e3" as "1 × 10³"; others as written."""
    m = _EXPONENT.match(written)
    if m is None:
        return written.strip()
    mantissa, exponent = m.groups()
    power = "10" + exponent.lstrip("+").translate(_SUPERSCRIPT)
    return f"{mantissa} × {power}" if mantissa else power


def _quantity(number: str, unit: str) -> str:
    unit = unit_text(unit)
    if not unit:
        return number_text(number)
    return number_text(number) + ("" if unit in ("°", "′", "″") else " ") + unit


def printed(name: str, args: list[str]) -> str:
    """What siunitx's command ``name`` prints for its arguments (written as in the source, options first)."""
    values = args[1:]  # (the options change the form, not the quantity)
    if name in ("SI", "qty"):
        return _quantity(values[0], values[-1])
    if name in ("si", "unit"):
        return unit_text(values[0])
    if name == "num":
        return number_text(values[0])
    if name == "ang":
        return number_text(values[0].split(";")[0]) + "°"
    if name in ("SIrange", "qtyrange"):
        return _quantity(values[0], values[2]) + "–" + _quantity(values[1], values[2])
    if name == "numrange":
        return number_text(values[0]) + "–" + number_text(values[1])
    if name in ("SIlist", "qtylist"):
        return and_list([_quantity(v, values[1]) for v in values[0].split(";")])
    return and_list([number_text(v) for v in values[0].split(";")])


def printed_text(n: Any, l2tobj: Any) -> str:
    """pylatexenc's reading of a siunitx command (``printed``), its arguments as written ('' when one is missing)."""
    args = getattr(getattr(n, "nodeargd", None), "argnlist", None) or []
    spec = ARGUMENTS[n.macroname]
    mandatory = [a.latex_verbatim().strip()[1:-1] for a, kind in zip(args, spec, strict=False)
                 if kind == "{" and a is not None]
    if len(mandatory) < spec.count("{"):
        return ""
    return printed(n.macroname, ["", *mandatory])
