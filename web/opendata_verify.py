#!/usr/bin/env python3
# Sprawdza łańcuch skrótów rejestru Jawność (wymaga tylko Pythona 3, bez dodatkowych pakietów).
# Użycie: python3 sprawdz-lancuch.py ADRES [NUMER:SKRÓT ...]
#   ADRES         adres serwisu, np. https://jawnosc.example.pl
#   NUMER:SKRÓT   ogniwa zapisane wcześniej (np. ostatnie ogniwo z /api/v1/ledger/head);
#                 skrypt sprawdza, że nadal są w łańcuchu bez zmian.
import hashlib, json, sys, urllib.request

if len(sys.argv) < 2:
    sys.exit(__doc__ or "Użycie: python3 sprawdz-lancuch.py ADRES [NUMER:SKRÓT ...]")
base = sys.argv[1].rstrip("/")

def get(path):
    with urllib.request.urlopen(base + path) as r:
        return json.load(r)

prev, seq, after, seen, kinds = "0" * 64, 0, 0, {}, {}
while True:
    page = get("/api/v1/ledger?after=%d" % after)
    for link in page["links"]:
        seq += 1
        if link["seq"] != seq:
            sys.exit("BŁĄD: brakuje ogniwa nr %d" % seq)
        if link["prev_hash"] != prev:
            sys.exit("BŁĄD: ogniwo %d nie wskazuje na poprzednie" % seq)
        parts = "%d|%d|%d|%s|%s" % (link["seq"], link["entry_id"], link["version"], link["data_hash"], link["prev_hash"])
        kind = link.get("link_kind", "version")
        if kind != "version":  # załącznik, PDF raportu z audytu, zdarzenie wniosku …: skrót obejmuje też rodzaj i numer rekordu
            parts += "|%s|%d" % (kind, link["ref_id"])
        kinds[kind] = kinds.get(kind, 0) + 1
        if hashlib.sha256(parts.encode()).hexdigest() != link["hash"]:
            sys.exit("BŁĄD: skrót ogniwa %d się nie zgadza" % seq)
        prev = seen[seq] = link["hash"]
    if not page.get("next"):
        break
    after = seq

head = get("/api/v1/ledger/head")
if head["seq"] != seq or head["hash"] != prev:
    sys.exit("BŁĄD: ostatnie ogniwo łańcucha nie zgadza się z /api/v1/ledger/head")
for saved in sys.argv[2:]:
    n, h = saved.split(":")
    if seen.get(int(n)) != h:
        sys.exit("BŁĄD: ogniwo %s jest inne niż zapisane wcześniej — łańcuch przepisano" % n)
print("OK: %d ogniw, ostatnie ogniwo %d:%s" % (seq, seq, prev))
names = {"version": "wersje wpisów", "attachment": "załączniki", "audit_filing": "raporty z audytów",
         "audit_report": "raporty z audytów (PDF)",
         "audit_response": "odpowiedzi spółek", "audit_status": "zmiany statusu zaleceń z audytów",
         "request_event": "zdarzenia wniosków o informację"}
if kinds:
    print("w tym: " + ", ".join("%s %d" % (names.get(k, k), n) for k, n in sorted(kinds.items())))
