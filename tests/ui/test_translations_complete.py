"""Every literal text the window passes to tr() has a Japanese translation.

The translation tool does not look inside f-strings, so a heading written as
f"<h3>{tr('The methods')}</h3>" stayed English in the Japanese window without
anyone noticing; this reads the code itself.
"""

import ast
import html
import re
from pathlib import Path

from ui.i18n import TRANSLATIONS_DIR

UI = Path(__file__).resolve().parents[2] / "ui"


def _texts_given_to_tr() -> dict[str, str]:
    """{text: where} for every tr("literal") and QT_TRANSLATE_NOOP(context, "literal") in ui/."""
    found = {}
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            args = {"tr": node.args[:1], "QT_TRANSLATE_NOOP": node.args[1:2]}.get(node.func.id, [])
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value.strip():
                    found.setdefault(arg.value, f"{path.relative_to(UI.parent)}:{node.lineno}")
    return found


def _translated() -> set[str]:
    text = (TRANSLATIONS_DIR / "planner_ja.ts").read_text(encoding="utf-8")
    done = set()
    for block in re.findall(r"<message[^>]*>.*?</message>", text, re.S):
        source = re.search(r"<source>(.*?)</source>", block, re.S)
        if source and 'type="unfinished"' not in block and "<translation" in block:
            done.add(html.unescape(source.group(1)))
    return done


def test_every_text_given_to_tr_has_a_japanese_translation():
    texts = _texts_given_to_tr()
    assert len(texts) > 500  # the walk really found the window's texts
    missing = {text: where for text, where in texts.items() if text not in _translated()}
    assert missing == {}
