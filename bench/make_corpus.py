#!/usr/bin/env python3
"""Writes a deterministic synthetic news corpus (JSON Lines) for bench/run.

Every document is {"id", "published", "title", "source", "text"} with about 4.5 KB of article text.
The text is generated from templates filled with real actors taken from extract/lexicon/ (states
with their demonyms and seats of power, people with the titles they held on the article date,
organisations, places) and CAMEO event patterns from extract/lexicon/events.jsonl, so that it
exercises every stage of the extractor: titles and dated roles, metonyms, coreference (surnames,
pronouns, "the Russian foreign minister"), dates, event patterns with negation and modality,
direct quotes (curly and straight, split, multi-paragraph, colon blocks), reported speech, and
web boilerplate (comment threads, related-article lists, share lines).

The same seed, size and lexicon give a byte-identical file. No text is taken from any article.
"""

import argparse
import datetime
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICON = os.path.join(HERE, "..", "extract", "lexicon")

MIB = 1 << 20
FUNCTION_WORDS = {"of", "the", "and", "for", "to", "on", "in", "at", "with"}
ACRONYMS = {"cia", "fbi", "nsa", "un", "eu", "nato", "us", "uk", "iaea", "imf", "opec", "who", "fsb",
            "gru", "svr", "dni", "osce", "wto", "icc", "mi6", "mi5", "ecb", "au", "ii", "iii"}
# Nouns with no singular use or that take no article.
PLURAL_ONLY = {"talks", "ties", "arms", "goods", "remains", "headquarters", "media", "data", "personnel",
               "police", "people", "military", "munition"}
MASS = {"aid", "assistance", "presence", "defence", "defense", "support", "cooperation", "pressure",
        "funding", "financing", "relief", "intelligence", "food", "fuel", "water", "electricity", "gas",
        "oil", "grain", "coal", "energy", "information", "equipment", "ammunition", "artillery",
        "sovereignty", "security", "solidarity", "sympathy", "gratitude", "concern", "outrage", "anger",
        "regret", "dismay", "disappointment", "displeasure", "indignation", "frustration", "backing",
        "diplomacy", "restraint", "calm", "peace", "protection", "access", "trade", "control",
        "responsibility", "compensation", "confidence", "optimism", "pessimism", "recognition", "asylum",
        "citizenship", "membership", "participation", "money", "cash", "medicine", "shelter", "help"}
MULTIWORD_CUES = {"go on to say", "make clear", "point out", "fire back", "shoot back", "go on",
                  "tell reporters", "tell journalists", "say in a statement"}
NOT_AFTER_QUOTE = {"inquire", "enquire", "demand", "propose", "plead", "apologize", "apologise", "question", "dismiss",
                   "deny", "counter", "write", "post", "tweet", "concur", "suggest", "announce"}
NO_THAT_CLAUSE = {"inquire", "enquire", "wonder", "apologize", "apologise", "demand", "plead", "bemoan", "regret",
                  "protest", "object", "answer", "respond", "reply", "lament", "grumble", "comment", "remark",
                  "elaborate", "continue", "go on", "propose", "request", "recommend", "fire back", "shoot back"}
ADDRESSEE_THAT = {"tell", "warn", "assure", "remind", "inform", "promise", "reassure", "caution", "notify", "brief"}
# "X <cue> Y for …" / "X <cue> Y of …"
ABOUT_FOR_OF = {"accuse": "of", "blame": "for", "praise": "for", "commend": "for", "thank": "for", "criticize": "for",
                "criticise": "for", "condemn": "for", "rebuke": "for", "congratulate": "on", "applaud": "for",
                "castigate": "for", "chide": "for", "censure": "for", "slam": "for", "credit": "with"}
NAME_PARTICLES = {"Le", "La", "De", "de", "Van", "van", "Von", "von", "der", "Al", "al", "El", "el", "bin", "Ben"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# Invented outlets and commenter handles.
SOURCES = ["Meridian Wire", "The Northern Courier", "Global Desk", "Eastern Review", "Harbour Times",
           "The Continental", "Atlas Dispatch", "Frontline Daily", "The Ledger", "Crossroads News",
           "Polar Star Media", "The Observer Post", "Bridgewater Journal", "Capital Monitor"]
HANDLES = ["oldsailor", "k_mirov", "JanetP", "truthseeker88", "Nemo", "the_realist", "frank-w", "Olga T.",
           "peacenik", "Dimitri_K", "margaux", "BorderWatcher", "anon1234", "Rustam", "lisa.m", "GeoNerd",
           "sceptic", "Hamid R.", "northwind", "Paulo"]

POSITIVE_ADJ = ["constructive", "productive", "historic", "important", "positive", "useful", "frank",
                "pragmatic", "encouraging", "substantive", "respectful", "friendly"]
NEGATIVE_ADJ = ["unacceptable", "dangerous", "reckless", "provocative", "hostile", "irresponsible",
                "absurd", "cynical", "aggressive", "destabilising", "illegal", "shameful"]
TOPICS = ["the ceasefire", "the sanctions", "the grain corridor", "energy supplies", "the peace plan",
          "the nuclear programme", "the border dispute", "the prisoner exchange", "arms control",
          "the humanitarian situation", "security guarantees", "the trade talks", "the gas pipeline",
          "the frozen assets", "the territorial question", "the shipping lanes", "the refugee crisis",
          "the election", "the naval blockade", "the reconstruction fund"]
AREAS = ["energy", "trade", "security", "transport", "agriculture", "finance", "technology", "defence",
         "health", "education", "space", "fisheries"]


def load_jsonl(name):
    with open(os.path.join(LEXICON, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_verb_forms():
    forms = {}
    with open(os.path.join(LEXICON, "verb-forms.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                forms[parts[0]] = parts[1:]
    return forms


def title_case(title):
    words = []
    for i, word in enumerate(title.split(" ")):
        pieces = []
        for piece in word.split("-"):
            if piece in ACRONYMS:
                pieces.append(piece.upper())
            elif i > 0 and piece in FUNCTION_WORDS:
                pieces.append(piece)
            else:
                pieces.append(piece[:1].upper() + piece[1:])
        words.append("-".join(pieces))
    return " ".join(words)


def fix_title(title):
    """Lower-case title with acronyms and proper names restored ("director of the CIA")."""
    return " ".join("-".join(p.upper() if p in ACRONYMS else p for p in w.split("-")) for w in title.split(" "))


def pluralize(noun):
    if noun in PLURAL_ONLY or noun in MASS:
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def article(word):
    w = word.lower()
    if w.startswith(("us", "uni", "eu", "one")):
        return "a"
    return "an" if w[:1] in "aeiou" else "a"


def tidy(sentence):
    """Drops the comma an appositive leaves before a full stop ("Lavrov, the Russian foreign minister,.")."""
    for bad, good in ((",.", "."), (",?", "?"), (",,", ","), (",:", ":")):
        sentence = sentence.replace(bad, good)
    return sentence


def pad_date(value, end):
    if not value:
        return "9999-12-31" if end else "0000-01-01"
    parts = value.split("-")
    while len(parts) < 3:
        parts.append("28" if end else "01")
    return "-".join(parts)


class Lexicon:
    def __init__(self):
        self.forms = load_verb_forms()
        self.countries = load_jsonl("countries.jsonl")
        self.country_by_code = {c["country"]: c for c in self.countries}
        self.orgs = load_jsonl("organisations.jsonl")
        self.org_by_id = {o["id"]: o for o in self.orgs}
        self.igos = [o for o in self.orgs if o["kind"] == "igo"]
        self.groups = [o for o in self.orgs if o["kind"] in ("group", "organisation") and o.get("country")]
        self.places = load_jsonl("places.jsonl")
        self.places_by_country = {}
        for place in self.places:
            if place.get("country") and not place.get("needs_context"):
                self.places_by_country.setdefault(place["country"], []).append(place)
        self.events = load_jsonl("events.jsonl")
        self.verb_events = [e for e in self.events if "verb" in e]
        self.noun_events = [e for e in self.events if "noun" in e]
        # Plain transitive verbs ("X condemned Y"), for background clauses and comment threads.
        self.transitive = [e["verb"] for e in self.verb_events
                           if not any(k in e for k in ("object", "prep", "requires", "target", "symmetric"))]
        cues = [c for c in load_jsonl("cues.jsonl") if c["kind"] == "verb"]
        # Cues that fit "“…,” X <cue>." and "X <cue> that …": no addressee, no object, no trailing preposition.
        def plain(c):
            return not c["addressee"] and not c["about_object"] and not c.get("negative_content") and (
                " " not in c["cue"] or c["cue"] in MULTIWORD_CUES)
        self.direct_cues = [c["cue"] for c in cues if c["direct"] and not c.get("cognitive") and plain(c)
                            and c["cue"] not in NOT_AFTER_QUOTE]
        self.reported_cues = [c["cue"] for c in cues if c["reported"] and plain(c) and c["cue"] not in NO_THAT_CLAUSE]
        self.addressee_cues = [c["cue"] for c in cues if c["addressee"] and c["reported"]
                               and c["cue"] in ADDRESSEE_THAT]
        self.about_cues = [c["cue"] for c in cues if c["about_object"] and c["cue"] in ABOUT_FOR_OF]
        self.generic_titles = {t["title"] for t in load_jsonl("titles.jsonl")}
        people = load_jsonl("people-leaders.jsonl") + load_jsonl("people-world.jsonl")
        # (person, role) pairs indexed by the state or organisation the role is of.
        self.roles_by_of = {}
        for person in people:
            for role in person.get("roles", []):
                entry = (person, role, pad_date(role.get("from"), False), pad_date(role.get("to"), True))
                self.roles_by_of.setdefault(role["of"], []).append(entry)
        self.state_codes = [c["country"] for c in self.countries]
        # States with many office holders are the ones news is about; weight the draw by that count.
        self.state_weights = [1 + len(self.roles_by_of.get(code, [])) for code in self.state_codes]

    def verb(self, lemma, form):
        """form: 0 lemma, 1 third person, 2 past, 3 participle, 4 gerund; phrasal verbs keep their particle."""
        head, _, rest = lemma.partition(" ")
        if form == 0:
            word = head
        else:
            word = self.forms.get(head, [head + "s", head + "ed", head + "ed", head + "ing"])[form - 1]
        return word + (" " + rest if rest else "")


class Actor:
    """A mention generator for one actor: first mention, later short forms, description, pronoun."""

    def __init__(self, full, short, describe, pronoun, plural=False, kind="state", adjective=None):
        self.full = full
        self.short = short
        self.describe = describe
        self.pronoun = pronoun
        self.plural = plural
        self.kind = kind
        self.adjective = adjective
        self.seen = False

    def mention(self, rng, allow_pronoun=False):
        if not self.seen:
            self.seen = True
            return self.full
        if allow_pronoun and self.pronoun and rng.random() < 0.35:
            return self.pronoun
        return rng.choice(self.short) if rng.random() < 0.75 or not self.describe else rng.choice(self.describe)


class Writer:
    def __init__(self, lex, seed):
        self.lex = lex
        self.rng = random.Random(seed)

    # ---- actors -------------------------------------------------------------------------------
    def state_actor(self, code):
        rng = self.rng
        country = self.lex.country_by_code[code]
        name = country["name"]
        if "the " + name in country.get("aliases", []):
            name = "the " + name
        aliases = [a for a in country.get("aliases", []) if len(a) <= 24 and not a.startswith("the ")]
        short = [name] + [a for a in aliases if len(a) <= 4 and a.replace(".", "").isupper()][:2]
        metonyms = [m["text"] for m in country.get("metonyms", [])
                    if m.get("sector") == "GOV" and m["text"] not in country.get("needs_context", [])]
        short += metonyms[:2]
        demonyms = country.get("demonyms", [])
        adjective = demonyms[0] if demonyms else None
        describe = [f"the {adjective} government", f"the {adjective} side", f"{adjective} officials"] if adjective else []
        full = name if rng.random() < 0.7 or not metonyms else metonyms[0]
        return Actor(full, short, describe, "it", kind="state", adjective=adjective)

    def person_actor(self, person, role):
        rng = self.rng
        name = person["name"]
        tokens = name.split()
        surnames = [a for a in person.get("weak_aliases", []) + person.get("aliases", [])
                    if " " not in a and a in tokens]
        if surnames:
            surname = surnames[0]
        elif len(tokens) > 2 and tokens[-2] in NAME_PARTICLES:  # "Le Drian", "von der Leyen"
            surname = " ".join(tokens[-3:] if tokens[-3] in NAME_PARTICLES else tokens[-2:])
        elif tokens[-1].strip("IVX") == "" or len(tokens) == 1:  # monarchs ("Charles III") keep the full name
            surname = name
        else:
            surname = tokens[-1]
        title = role["title"]
        generic = title in self.lex.generic_titles
        of = role["of"]
        if of in self.lex.country_by_code:
            country = self.lex.country_by_code[of]
            adjective = (country.get("demonyms") or [country["name"]])[0]
            owner = country["name"]
        else:
            org = self.lex.org_by_id.get(of)
            owner = org["name"] if org else of
            shorts = [a for a in (org or {}).get("aliases", []) if a.isupper() and len(a) <= 6]
            adjective = shorts[0] if shorts else owner
        pronoun = {"male": "he", "female": "she"}.get(person.get("gender"), None)
        choice = rng.random()
        lower = fix_title(title) if generic else title_case(title)
        if choice < 0.55:
            full = f"{adjective} {title_case(title)} {name}"
        elif choice < 0.8:
            full = f"{name}, the {adjective} {lower},"
        else:
            full = name
        describe = [f"the {adjective} {lower}"] if generic else []
        actor = Actor(full, [surname, surname, name], describe, pronoun, kind="person", adjective=adjective)
        actor.country = of
        return actor

    def org_actor(self, org):
        name = org["name"]
        if "the " + name in org.get("aliases", []):
            name = "the " + name
        shorts = [a for a in org.get("aliases", []) if (a.isupper() or a.startswith("the ")) and len(a) <= 30]
        return Actor(name, [name] + shorts[:2], [], "it", kind="organisation")

    def holders(self, of, day):
        return [(p, r) for (p, r, start, end) in self.lex.roles_by_of.get(of, []) if start <= day < end]

    def cast(self, day):
        """Actors for one article: two or three states, their office holders on `day`, an organisation."""
        rng, lex = self.rng, self.lex
        codes = []
        while len(codes) < rng.choice([2, 2, 3]):
            code = rng.choices(lex.state_codes, weights=lex.state_weights)[0]
            if code not in codes:
                codes.append(code)
        states = [self.state_actor(code) for code in codes]
        people = []
        for code in codes:
            holders = self.holders(code, day)
            rng.shuffle(holders)
            for person, role in holders[: rng.choice([1, 2, 2, 3])]:
                if all(p.full.find(person["name"]) < 0 for p in people):
                    people.append(self.person_actor(person, role))
        org = rng.choice(lex.igos)
        orgs = [self.org_actor(org)]
        for person, role in self.holders(org["id"], day)[:1]:
            people.append(self.person_actor(person, role))
        if rng.random() < 0.3 and lex.groups:
            orgs.append(self.org_actor(rng.choice(lex.groups)))
        places = []
        for code in codes:
            places += [p["name"] for p in lex.places_by_country.get(code, [])]
        if not places:
            places = [s.short[0] for s in states]
        rng.shuffle(places)
        return states, people, orgs, places[:6], codes

    # ---- dates --------------------------------------------------------------------------------
    def date_phrase(self, day, future=False):
        rng = self.rng
        r = rng.random()
        if future:
            if r < 0.4:
                ahead = day + datetime.timedelta(days=rng.randint(1, 6))
                return f"on {WEEKDAYS[ahead.weekday()]}"
            if r < 0.7:
                return rng.choice(["next week", "next month", "later this year", "tomorrow"])
            if r < 0.8:
                ahead = day + datetime.timedelta(days=rng.randint(7, 120))
                return f"by {MONTHS[ahead.month - 1]} {ahead.day}"
            return ""
        if r < 0.25:
            back = day - datetime.timedelta(days=rng.randint(1, 6))
            return f"on {WEEKDAYS[back.weekday()]}"
        if r < 0.35:
            return "yesterday"
        if r < 0.45:
            return rng.choice(["last week", "earlier this month", "last month", "earlier this year"])
        if r < 0.6:
            back = day - datetime.timedelta(days=rng.randint(1, 40))
            return f"on {MONTHS[back.month - 1]} {back.day}" if rng.random() < 0.6 else f"on {back.day} {MONTHS[back.month - 1]}"
        if r < 0.7:
            back = day - datetime.timedelta(days=rng.randint(60, 900))
            return f"in {MONTHS[back.month - 1]} {back.year}"
        if r < 0.78:
            back = day - datetime.timedelta(days=rng.randint(1, 6))
            return f"on {WEEKDAYS[back.weekday()]}, {MONTHS[back.month - 1]} {back.day}"
        return ""

    # ---- events -------------------------------------------------------------------------------
    def object_phrase(self, event):
        rng = self.rng
        obj = rng.choice(event["object"])
        if event.get("requires"):
            req = rng.choice(event["requires"])
            if obj == "state":
                return f"a state of {req}"
            if obj == "law":
                return "martial law" if req == "martial" else f"the {req} law"
            noun = req if req.endswith("s") else pluralize(req)
            return f"{'the' if obj in MASS else article(obj)} {obj} of {noun}"
        r = rng.random()
        if obj in PLURAL_ONLY or obj in MASS:
            return rng.choice([obj, f"new {obj}", f"the {obj}"]) if obj not in ("military",) else "the military"
        if r < 0.4:
            return pluralize(obj)
        if r < 0.6:
            return f"{rng.choice(['two', 'three', 'several', 'dozens of', 'more than 20'])} {pluralize(obj)}"
        if r < 0.8:
            return f"{article(obj)} {obj}"
        return f"the {obj}"

    def event_clause(self, source, target, mode, event=None):
        """A clause with `source` doing a CAMEO event to `target`. mode: past, perfect, future, modal,
        negated, infinitive, present, passive."""
        rng, lex = self.rng, self.lex
        if event is None:
            event = rng.choice(lex.verb_events) if rng.random() < 0.85 else rng.choice(lex.noun_events)
        plural_subject = " and " in source
        if "noun" in event:
            noun = event["noun"]
            prep = rng.choice(event.get("prep") or ["against"])
            np = f"{article(noun)} {noun}" if noun not in MASS else noun
            verb = rng.choice(["announce", "order", "call for", "propose", "condemn", "welcome", "demand"])
            tail = f"{np} {prep} {target}"
            return self.inflect(source, verb, tail, mode, plural_subject)
        lemma = event["verb"]
        symmetric = event.get("symmetric") and rng.random() < 0.4
        parts = []
        if event.get("object"):
            parts.append(self.object_phrase(event))
        elif event.get("requires"):
            parts.append(f"the {rng.choice(['visiting', 'resident', 'senior'])} {rng.choice(event['requires'])}")
        if symmetric:
            source = f"{source} and {target}"
            plural_subject = True
        elif event.get("target") == "none":
            pass
        elif event.get("prep"):
            parts.append(f"{rng.choice(event['prep'])} {target}")
        elif not event.get("object"):
            if mode == "passive" and event.get("passive", True):
                verb = lex.verb(lemma, 3)
                aux = "were" if target.endswith("s") and " " not in target else "was"
                return f"{target} {aux} {verb} by {source}"
            parts.insert(0, target)
        return self.inflect(source, lemma, " ".join(parts), mode, plural_subject)

    def inflect(self, subject, lemma, tail, mode, plural):
        lex = self.lex
        plural = plural or subject.lower() in ("we", "they") or subject.endswith((" officials", " forces", " troops"))
        tail = (" " + tail) if tail else ""
        if mode in ("past", "passive"):
            return f"{subject} {lex.verb(lemma, 2)}{tail}"
        if mode == "perfect":
            return f"{subject} {'have' if plural else 'has'} {lex.verb(lemma, 3)}{tail}"
        if mode == "pluperfect":
            return f"{subject} had {lex.verb(lemma, 3)}{tail}"
        if mode == "future":
            aux = ['will', 'would', 'are expected to' if plural else 'is expected to', 'plan to' if plural else 'plans to']
            return f"{subject} {self.rng.choice(aux)} {lex.verb(lemma, 0)}{tail}"
        if mode == "modal":
            return f"{subject} {self.rng.choice(['could', 'might', 'may'])} {lex.verb(lemma, 0)}{tail}"
        if mode == "negated":
            r = self.rng.random()
            if r < 0.6:
                return f"{subject} did not {lex.verb(lemma, 0)}{tail}"
            if r < 0.85:
                return f"{subject} {'have' if plural else 'has'} not {lex.verb(lemma, 3)}{tail}"
            return f"{subject} never {lex.verb(lemma, 2)}{tail}"
        if mode == "present":
            return f"{subject} {lex.verb(lemma, 0 if plural else 1)}{tail}"
        if mode == "infinitive":
            return f"{lex.verb(lemma, 0)}{tail}"
        if mode == "gerund":
            return f"{lex.verb(lemma, 4)}{tail}"
        raise ValueError(mode)

    # ---- sentences ----------------------------------------------------------------------------
    def pick_actor(self, actors, exclude=None):
        choices = [a for a in actors if a is not exclude]
        return self.rng.choice(choices or actors)

    def sentence(self, day, states, people, orgs, places, last_person):
        rng = self.rng
        actors = states + people + orgs
        kind = rng.random()
        speaker = rng.choice(people) if people and rng.random() < 0.8 else rng.choice(states + orgs)
        src = self.pick_actor(actors)
        tgt = self.pick_actor(states + orgs + people, exclude=src)

        def who(actor, allow_pronoun=False):
            text = actor.mention(rng, allow_pronoun and actor is last_person)
            return text

        def cap(s):
            return s[:1].upper() + s[1:]

        def when(future=False):
            d = self.date_phrase(day, future)
            return f" {d}" if d else ""

        if kind < 0.26:  # asserted event with a date and sometimes a place
            mode = rng.choice(["past", "past", "past", "perfect", "passive"])
            clause = self.event_clause(who(src, True), who(tgt), mode)
            place = f" in {rng.choice(places)}" if places and rng.random() < 0.25 else ""
            return cap(clause) + place + when() + ".", src
        if kind < 0.36:  # future, modal, negated
            mode = rng.choice(["future", "modal", "negated"])
            clause = self.event_clause(who(src, True), who(tgt), mode)
            lead = rng.choice(["", "", "However, ", "Meanwhile, ", "So far, "]) if mode == "negated" else ""
            return lead + (cap(clause) if not lead else clause) + when(mode != "negated") + ".", src
        if kind < 0.42:  # conditional
            cond = self.event_clause(who(src), who(tgt), "present")
            then = self.event_clause(who(tgt), who(src), rng.choice(["future", "modal"]))
            if rng.random() < 0.5:
                return f"If {cond}, then {then}.", tgt
            return f"{cap(then)} if {cond}.", tgt
        if kind < 0.58:  # direct quote
            return self.quote(speaker, who, src, tgt, day), speaker
        if kind < 0.72:  # reported speech
            cue = rng.choice(self.lex.reported_cues)
            inner = self.event_clause(who(src), who(tgt), rng.choice(["pluperfect", "future", "modal", "past"]))
            r = rng.random()
            if r < 0.15:
                cue = rng.choice(self.lex.addressee_cues)
                return f"{cap(who(speaker, True))} {self.lex.verb(cue, 2)} {who(tgt)} that {inner}.", speaker
            if r < 0.3:
                cue = rng.choice(sorted(self.lex.about_cues))
                prep = ABOUT_FOR_OF[cue]
                deed = self.event_clause("", who(src), "gerund")
                return f"{cap(who(speaker, True))} {self.lex.verb(cue, 2)} {who(tgt)} {prep} {deed}{when()}.", speaker
            if r < 0.65:
                return f"{cap(who(speaker, True))} {self.lex.verb(cue, 2)} that {inner}{when()}.", speaker
            if r < 0.8:
                return f"According to {who(speaker)}, {inner}.", speaker
            return f"{cap(who(speaker, True))} wrote on {rng.choice(['X', 'Telegram', 'Facebook', 'Truth Social'])} that {inner}.", speaker
        if kind < 0.78:  # accusation / denial / threat with infinitive
            verb = rng.choice(["threatened to", "refused to", "agreed to", "vowed to", "pledged to", "declined to",
                               "was ready to", "denied plans to", "offered to"])
            clause = self.event_clause("", who(tgt), "infinitive")
            return f"{cap(who(src, True))} {verb} {clause}{when()}.", src
        if kind < 0.84:  # meetings and talks
            a = self.pick_actor(people or states)
            b = self.pick_actor(states + people, exclude=a)
            place = rng.choice(places) if places else "Geneva"
            form = rng.choice([
                f"{cap(who(a, True))} met {who(b)} in {place}{when()}.",
                f"{cap(who(a))} held talks with {who(b)} in {place}{when()}, the first such meeting in {rng.randint(2, 9)} years.",
                f"{cap(who(a, True))} spoke by phone with {who(b)}{when()}, discussing {rng.choice(TOPICS)}.",
                f"The talks between {who(a)} and {who(b)} in {place} lasted more than {rng.randint(2, 7)} hours.",
                f"{cap(who(a, True))} is due to travel to {place} {rng.choice(['next week', 'next month', 'on Thursday'])} for talks on {rng.choice(TOPICS)}.",
            ])
            return form, a
        if kind < 0.9:  # question
            return rng.choice([
                f"Will {who(src)} {self.event_clause('', who(tgt), 'infinitive')}?",
                f"What does this mean for {rng.choice(TOPICS)}?",
                f"Can {who(src)} afford to ignore {who(tgt)}?",
            ]), None
        # background with numbers, places, organisations
        place = rng.choice(places) if places else "the region"
        n = rng.randint(2, 950)
        return rng.choice([
            f"More than {n} people have been killed in and around {place} since {MONTHS[rng.randint(0, 11)]} {day.year - rng.randint(0, 3)}, according to {who(rng.choice(orgs))}.",
            f"Trade between {who(src)} and {who(tgt)} fell by {rng.randint(2, 40)} percent last year, to ${rng.randint(2, 90)} billion.",
            f"The {rng.choice(AREAS)} agreement, signed in {day.year - rng.randint(1, 12)}, expires in {MONTHS[rng.randint(0, 11)]}.",
            f"Analysts in {place} said the move was aimed as much at domestic audiences as at {who(tgt)}.",
            f"The statement came {rng.choice(['hours', 'a day', 'two days', 'a week'])} after {who(src)} {self.lex.verb(rng.choice(self.lex.transitive), 2)} {who(tgt)}.",
            f"{cap(who(orgs[0]))} has {rng.randint(3, 40)} observers in {place}.",
            f"The {rng.choice(['dispute', 'standoff', 'conflict', 'crisis'])} dates back to {day.year - rng.randint(2, 30)}, when {self.event_clause(who(src), who(tgt), 'past')}.",
        ]), None

    def context(self, day, places):
        """A sentence of background with no actor-to-actor event, as news articles have many of."""
        rng = self.rng
        place = rng.choice(places) if places else "the capital"
        n = rng.randint(2, 95)
        month = MONTHS[rng.randint(0, 11)]
        return rng.choice([
            f"The talks are scheduled to last {rng.choice(['two', 'three', 'several'])} days and will cover {rng.choice(TOPICS)} as well as {rng.choice(AREAS)}.",
            f"Prices for {rng.choice(AREAS)} services in {place} rose by {n} percent in {month}, the highest level in {rng.randint(2, 20)} years.",
            f"The region around {place} is home to about {n}0,000 people, many of whom depend on {rng.choice(AREAS)} and seasonal work.",
            f"Roads into {place} were closed for most of the day, and long queues formed at the checkpoints on the way into the city.",
            f"The last round of negotiations on {rng.choice(TOPICS)} ended in {month} {day.year - rng.randint(0, 3)} without a written agreement.",
            f"Details of the arrangement, which runs to about {n} pages, have not been made public.",
            f"Turnout in the {rng.choice(['regional', 'parliamentary', 'local'])} vote was {n} percent, slightly lower than in the previous election.",
            f"The issue of {rng.choice(TOPICS)} has dominated the agenda for most of the year.",
            f"It was not immediately clear how many people were in the building at the time.",
            f"Officials in {place} said power and water supplies had been restored in most districts by the evening.",
            f"Weather conditions in the area were expected to improve over the weekend, allowing work on the {rng.choice(['bridge', 'pipeline', 'port', 'railway line'])} to resume.",
        ])

    def extension(self, states, people, orgs, places):
        """A trailing phrase that makes a template sentence as long as a news sentence usually is."""
        rng = self.rng
        actor = rng.choice(states + orgs + people)
        name = actor.mention(rng)
        place = rng.choice(places) if places else "the capital"
        return rng.choice([
            f" amid {rng.choice(['rising', 'renewed', 'growing', 'mounting'])} tensions over {rng.choice(TOPICS)}",
            f" despite {rng.choice(['objections', 'repeated warnings', 'protests'])} from {name}",
            f", in a move {rng.choice(['welcomed', 'criticised', 'questioned'])} by {name}",
            ", officials familiar with the matter said",
            f", two people briefed on the discussions told reporters in {place}",
            f" as part of a broader effort to {rng.choice(['resolve', 'settle', 'contain', 'defuse'])} {rng.choice(TOPICS)}",
            f" following {rng.choice(['a lengthy', 'an emergency', 'a closed-door'])} meeting of {orgs[0].mention(rng)}",
            f", a decision that drew {rng.choice(['sharp', 'swift', 'muted'])} criticism from {name}",
            f" after {rng.choice(['weeks', 'months', 'several rounds'])} of {rng.choice(['talks', 'negotiations', 'consultations'])} on {rng.choice(TOPICS)}",
            f", the latest in a series of steps that have strained relations with {name}",
        ])

    def quote_content(self, who, src, tgt, allow_question=True):
        rng = self.rng
        r = rng.random()
        if r < 0.25:
            adj = rng.choice(NEGATIVE_ADJ)
            degree = rng.choice(["", "very ", "absolutely ", "deeply "])
            return f"This is {article(degree or adj)} {degree}{adj} step by {who(tgt)}"
        if r < 0.45:
            adj = rng.choice(POSITIVE_ADJ)
            return f"We had {article(adj)} {adj} discussion on {rng.choice(TOPICS)}, and we agreed to meet again"
        if r < 0.65:
            clause = self.event_clause("we", who(tgt), rng.choice(["future", "negated", "modal"]))
            return clause[:1].upper() + clause[1:]
        if r < 0.8:
            name = who(tgt)
            return f"{name[:1].upper() + name[1:]} must stop {rng.choice(['the shelling', 'its provocations', 'the blockade', 'these threats'])} and return to the table"
        if r < 0.9 and allow_question:
            return f"Who gave them the right to decide {rng.choice(TOPICS)} for us"
        return f"Nobody wants a war, but nobody should doubt our resolve on {rng.choice(TOPICS)}"

    def quote(self, speaker, who, src, tgt, day):
        rng = self.rng
        content = self.quote_content(who, src, tgt)
        if not content.startswith("Who gave") and rng.random() < 0.5:
            content += rng.choice([
                ", and we will keep working with our partners until there is a lasting settlement",
                ", and that is something we have said many times, in public and in private",
                f". Our position on {rng.choice(TOPICS)} has not changed and it will not change",
                ", but we are ready to listen to any serious proposal that respects our interests",
                ". Everyone understands what is at stake here, for us and for the whole region",
            ])
        curly = rng.random() < 0.6
        o, c = ("\u201c", "\u201d") if curly else ('"', '"')
        cue = rng.choice(self.lex.direct_cues)
        cue_past = self.lex.verb(cue, 2)
        question = content.startswith("Who gave")
        mark = "?" if question else ","
        end = "?" if question else "."
        spk = who(speaker, True)
        r = rng.random()
        if r < 0.35:
            return f"{o}{content}{mark}{c} {spk} {cue_past}{rng.choice(['', ' on ' + WEEKDAYS[rng.randint(0, 6)], ' at a news conference', ' in an interview'])}."
        if r < 0.5:
            return f"{o}{content}{mark}{c} {cue_past} {spk}."
        if r < 0.7:
            return f"{spk[:1].upper() + spk[1:]} {cue_past}: {o}{content}{end}{c}"
        if r < 0.85:
            second = self.quote_content(who, src, tgt, allow_question=False)
            first = content if not question else "We will not be dictated to"
            return f"{o}{first},{c} {spk} {cue_past}. {o}{second}.{c}"
        if r < 0.93:
            return f"In a statement, {who(self.pick_actor([speaker, src]))} said the {rng.choice(['so-called', 'supposed'])} {'‘' if curly else chr(39)}{rng.choice(['peace plan', 'referendum', 'security zone', 'humanitarian pause'])}{'’' if curly else chr(39)} was {rng.choice(NEGATIVE_ADJ)}."
        return f"{o}{content}{mark}{c} {spk} told {rng.choice(['reporters', 'journalists', 'state television', 'lawmakers'])}."

    # ---- documents ----------------------------------------------------------------------------
    def headline(self, states, people, orgs):
        rng = self.rng
        a = rng.choice(people + states)
        b = rng.choice(states + orgs)
        name = a.short[0] if a.kind == "person" else a.full
        clause = self.event_clause(name, b.short[0], "present")
        clause = clause[:1].upper() + clause[1:]
        if rng.random() < 0.3:
            clause += f" as {rng.choice(TOPICS)} {rng.choice(['stall', 'falter', 'resume', 'drag on'])}"
        return clause

    def comments(self, states, people, orgs):
        rng = self.rng
        n = rng.randint(2, 6)
        lines = [rng.choice([f"Comments ({n})", f"{n} Comments", "Comments", "Join the discussion"])]
        for _ in range(n):
            a = rng.choice(states + people)
            b = rng.choice(states + orgs)
            name_a = a.short[0]
            name_b = b.short[0]
            text = rng.choice([
                f"{name_a} will never {self.lex.verb(rng.choice(self.lex.transitive), 0)} {name_b}. Wake up people!",
                f"\"{rng.choice(POSITIVE_ADJ).capitalize()} talks\" my foot. {name_a} lied again.",
                f"So {name_a} {self.lex.verb(rng.choice(self.lex.transitive), 2)} {name_b} and we are surprised?",
                f"Why does nobody mention what {name_b} did in {rng.randint(1990, 2020)}?",
                f"Great article, thank you. {name_a} said it best: \u201cwe will not back down.\u201d",
                f"Sanctions on {name_b} now!",
            ])
            lines.append(rng.choice(HANDLES))
            lines.append(f"{rng.randint(1, 23)} hours ago" if rng.random() < 0.6 else f"{rng.randint(1, 59)} min ago")
            lines.append(text)
            if rng.random() < 0.5:
                lines.append("Reply")
        return "\n".join(lines)

    def related(self, states, people, orgs):
        rng = self.rng
        heading = rng.choice(["Related Articles", "Related", "Read more", "More stories", "You may also like"])
        items = [self.headline(states, people, orgs) for _ in range(rng.randint(3, 5))]
        bullet = rng.choice(["", "\u2022 ", "- "])
        return heading + "\n" + "\n".join(bullet + item for item in items)

    def document(self, index):
        rng = self.rng
        start = datetime.date(2014, 1, 1)
        day = start + datetime.timedelta(days=rng.randint(0, 12 * 365 - 1))
        iso = day.isoformat()
        states, people, orgs, places, codes = self.cast(iso)
        target_len = int(min(9000, max(1800, rng.gauss(4300, 900))))
        paragraphs = []
        if rng.random() < 0.3 and places:
            paragraphs.append(f"{places[0].upper()}, {MONTHS[day.month - 1]} {day.day}, {day.year} \u2014 ")
        size = 0
        last_person = None
        while size < target_len:
            sentences = []
            for _ in range(rng.choice([1, 2, 2, 3, 3, 4])):
                context = rng.random() < 0.22
                if context:
                    text, actor = self.context(day, places), last_person
                else:
                    text, actor = self.sentence(day, states, people, orgs, places, last_person)
                text = tidy(text)
                if not context and text.endswith(".") and rng.random() < 0.55:
                    text = text[:-1] + self.extension(states, people, orgs, places) + "."
                sentences.append(text)
                last_person = actor
            if rng.random() < 0.05:  # a quote running over two paragraphs
                spk = self.rng.choice(people or states).mention(rng)
                o = "\u201c"
                sentences.append(f"{spk[:1].upper() + spk[1:]} said: {o}{self.quote_content(lambda a, p=False: a.mention(rng), None, rng.choice(states))}.")
                paragraph = " ".join(sentences)
                paragraphs.append(paragraph)
                paragraphs.append(f"{o}{self.quote_content(lambda a, p=False: a.mention(rng), None, rng.choice(states), False)}.\u201d")
                size += len(paragraph) + 120
                continue
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
            if rng.random() < 0.04:
                paragraphs.append(rng.choice(["Share this article", "Advertisement", "Subscribe to our newsletter",
                                              "Download the app for breaking news alerts"]))
        if paragraphs[0].endswith("\u2014 "):
            paragraphs[1] = paragraphs[0] + paragraphs[1]
            paragraphs.pop(0)
        if rng.random() < 0.35:
            paragraphs.append(self.related(states, people, orgs))
        if rng.random() < 0.3:
            paragraphs.append(self.comments(states, people, orgs))
        separator = "\n" if rng.random() < 0.15 else "\n\n"
        text = separator.join(paragraphs)
        published = iso if rng.random() < 0.7 else f"{iso}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
        return {
            "id": f"bench-{index:06d}",
            "published": published,
            "title": self.headline(states, people, orgs),
            "source": rng.choice(SOURCES),
            "text": text,
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=float, default=32, help="MB (2^20 bytes) of article text to write")
    parser.add_argument("--seed", type=int, default=20250907)
    parser.add_argument("--output", "-o", required=True)
    args = parser.parse_args()
    lex = Lexicon()
    writer = Writer(lex, args.seed)
    goal = int(args.size * MIB)
    total = docs = 0
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        while total < goal:
            doc = writer.document(docs)
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            total += len(doc["text"].encode("utf-8"))
            docs += 1
    os.replace(tmp, args.output)
    print(f"{docs} {total}", file=sys.stdout)


if __name__ == "__main__":
    main()
