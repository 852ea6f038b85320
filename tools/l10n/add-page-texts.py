#!/usr/bin/env python3
"""Adds page texts to src/TumorBoard.Web/Texts/Ui*.resx (issue #15 part 1; README "Languages").

Usage: python3 tools/l10n/add-page-texts.py texts.json
texts.json: [{"en": "Cases", "de": "Fälle", "fr": "Cas", "it": "Casi", "source": "Own translation (interface wording)."}, ...]
"source" is the comment kept with each translation (for a clinical term, the publication that writes it so).
Optional "key": the same English words needing another translation (say mid-sentence) get a key "words|context",
e.g. {"key": "signed|in a sentence", "en": "signed", ...}; keys must not differ from another by case alone.
Keys already present are left as they are (a differing translation is reported, not overwritten).
French: write a narrow no-break space (U+202F) before : ; ? ! — the script converts an ordinary space there.
"""
import json, re, sys
from pathlib import Path
from xml.sax.saxutils import escape

TEXTS = Path(__file__).resolve().parents[2] / "src" / "TumorBoard.Web" / "Texts"
FILES = {"en": "Ui.resx", "de": "Ui.de.resx", "fr": "Ui.fr.resx", "it": "Ui.it.resx"}

def french(text):
    text = re.sub(r"[ \u00A0]?([:;?!])(?![\d/])", lambda m: "\u202F" + m.group(1), text)
    return text

def keys(content):
    import html
    return {html.unescape(k): html.unescape(v) for k, v in re.findall(r'<data name="([^"]*)" xml:space="preserve">\s*<value>(.*?)</value>', content, re.S)}

def main(path):
    entries = json.loads(Path(path).read_text(encoding="utf-8"))
    for lang, name in FILES.items():
        file = TEXTS / name
        content = file.read_text(encoding="utf-8")
        present = keys(content)
        added = []
        for e in entries:
            key = e.get("key") or e["en"]
            value = e["en"] if lang == "en" else e[lang]
            if lang == "fr": value = french(value)
            if key in present:
                if present[key] != value and lang != "en":
                    print(f"kept existing {lang} text for {key!r}: {present[key]!r} (not {value!r})", file=sys.stderr)
                continue
            present[key] = value
            comment = "" if lang == "en" else f"\n    <comment>{escape(e.get('source') or 'Own translation (interface wording, not a clinical term).')}</comment>"
            added.append(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve">\n    <value>{escape(value)}</value>{comment}\n  </data>\n')
        content = content.replace("</root>", "".join(added) + "</root>")
        file.write_text(content, encoding="utf-8")
        print(f"{name}: {len(added)} added")

if __name__ == "__main__":
    main(sys.argv[1])
