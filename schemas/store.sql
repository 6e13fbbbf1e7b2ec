-- geokg SQLite store, schema version 2 (PRAGMA user_version; application_id 0x67656f6b "geok").
-- One row per ingested document text (idempotent by content_hash), its sentences, every resolved
-- actor mention, and the events, statements and static relations extracted from it. Spans are
-- half-open UTF-8 byte ranges [begin, end) into documents.text; sentence is the 0-based sentence
-- index within the document (sentences.idx). Dates are ISO 8601 truncated to their precision
-- ("2025-08-15", "2025-08", "2025"), NULL when unknown. Empty optional strings are stored as NULL.
--
-- export/sqlite_store.cpp runs the part above the indexes marker line when it creates a store, and
-- the part below it (idempotent) when it finishes a build or an append, so that a bulk load inserts
-- into tables without secondary indexes.
--
-- Version 2 added actors.mentions (and dropped the index mentions_actor that counting needed);
-- geokg build on a version 1 store adds and fills the column, geokg's readers take either version.

PRAGMA application_id = 1734700907;
PRAGMA user_version = 2;

CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  content_hash   TEXT NOT NULL UNIQUE,      -- SHA-256 of text, hex
  doc_id         TEXT NOT NULL,             -- the document's own id (may recur with other texts)
  title          TEXT,
  url            TEXT,
  source         TEXT,
  published      TEXT,                      -- as given by the input
  date           TEXT,                      -- document date used to resolve relative dates
  date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year', 'unknown')),
  date_origin    TEXT NOT NULL CHECK (date_origin IN ('explicit', 'relative', 'document')),
  text           TEXT NOT NULL
);

CREATE TABLE sentences (
  id          INTEGER PRIMARY KEY,
  document    INTEGER NOT NULL REFERENCES documents (id),
  idx         INTEGER NOT NULL,
  begin       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  boilerplate INTEGER NOT NULL DEFAULT 0 CHECK (boilerplate IN (0, 1)),
  text        TEXT NOT NULL,
  UNIQUE (document, idx)
);

CREATE TABLE actors (
  id      TEXT PRIMARY KEY,                 -- stable slug: "vladimir-putin", "russia", "nato"
  name    TEXT NOT NULL,
  kind    TEXT NOT NULL,                    -- state | person | organisation | igo | group | location
  country TEXT,                             -- ISO 3166-1 alpha-3
  sector  TEXT,                             -- GOV, MIL, OPP, ...
  code    TEXT,                             -- CAMEO-style actor code: "RUSGOV"
  mentions INTEGER NOT NULL DEFAULT 0       -- rows of mentions naming the actor (pronouns included)
) WITHOUT ROWID;

-- Surface forms seen for an actor in the text, with how often (pronouns are not aliases).
CREATE TABLE actor_aliases (
  actor TEXT NOT NULL REFERENCES actors (id),
  alias TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (actor, alias)
) WITHOUT ROWID;

CREATE TABLE mentions (
  id       INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents (id),
  sentence INTEGER NOT NULL,
  begin    INTEGER NOT NULL,                -- span of the surface text
  end      INTEGER NOT NULL,
  actor    TEXT NOT NULL REFERENCES actors (id),
  text     TEXT NOT NULL,
  via      TEXT NOT NULL,                   -- lexicon | title | metonym | demonym | new | coref
  date     TEXT
);

-- CAMEO codes seen in events, with their PLOVER category, quad class and Goldstein weight.
CREATE TABLE event_types (
  code       TEXT PRIMARY KEY,              -- "057"
  root       TEXT NOT NULL,                 -- "05"
  label      TEXT NOT NULL,
  plover     TEXT,
  quad_class INTEGER NOT NULL CHECK (quad_class BETWEEN 0 AND 4),
  goldstein  REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  document       INTEGER NOT NULL REFERENCES documents (id),
  sentence       INTEGER NOT NULL,
  begin          INTEGER NOT NULL,          -- span of the evidence
  end            INTEGER NOT NULL,
  source         TEXT NOT NULL REFERENCES actors (id),
  target         TEXT REFERENCES actors (id),
  code           TEXT NOT NULL REFERENCES event_types (code),
  trigger        TEXT NOT NULL,
  trigger_begin  INTEGER NOT NULL,
  trigger_end    INTEGER NOT NULL,
  negated        INTEGER NOT NULL CHECK (negated IN (0, 1)),
  modality       TEXT NOT NULL,             -- asserted | reported | future | hypothetical | conditional
  confidence     REAL NOT NULL,
  date           TEXT,
  date_precision TEXT NOT NULL,
  date_origin    TEXT NOT NULL,
  goldstein      REAL NOT NULL,
  quad_class     INTEGER NOT NULL,
  pattern        TEXT
);

CREATE TABLE statements (
  id             INTEGER PRIMARY KEY,
  document       INTEGER NOT NULL REFERENCES documents (id),
  sentence       INTEGER NOT NULL,
  begin          INTEGER NOT NULL,
  end            INTEGER NOT NULL,
  speaker        TEXT REFERENCES actors (id),  -- NULL when unattributed
  speaker_begin  INTEGER,
  speaker_end    INTEGER,
  cue            TEXT,                         -- "said", "according to"; NULL when none
  cue_begin      INTEGER,
  cue_end        INTEGER,
  content        TEXT NOT NULL,                -- the parts joined with a single space
  content_begin  INTEGER NOT NULL,
  content_end    INTEGER NOT NULL,
  content_parts  TEXT NOT NULL,                -- JSON: [[begin, end], ...]
  direct         INTEGER NOT NULL CHECK (direct IN (0, 1)),
  date           TEXT,
  date_precision TEXT NOT NULL,
  date_origin    TEXT NOT NULL
);

-- Actors a statement is about or addressed to.
CREATE TABLE statement_targets (
  statement INTEGER NOT NULL REFERENCES statements (id),
  actor     TEXT NOT NULL REFERENCES actors (id),
  stance    TEXT NOT NULL CHECK (stance IN ('positive', 'negative', 'neutral')),
  addressee INTEGER NOT NULL CHECK (addressee IN (0, 1)),
  PRIMARY KEY (statement, actor)
) WITHOUT ROWID;

CREATE TABLE relations (
  id       INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents (id),
  sentence INTEGER NOT NULL,
  begin    INTEGER NOT NULL,
  end      INTEGER NOT NULL,
  source   TEXT NOT NULL REFERENCES actors (id),
  target   TEXT NOT NULL REFERENCES actors (id),
  label    TEXT NOT NULL,                  -- role_of | member_of | located_in
  title    TEXT,                           -- "foreign minister" for role_of
  date     TEXT
);

-- Full-text search; external content, rowid = the base table's id. The store inserts into these
-- with every appended row, or rebuilds them once at the end of a bulk load.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
  text, content = 'sentences', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE statements_fts USING fts5 (
  content, content = 'statements', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');

-- @indexes
-- The indexes that geokg's own commands and the views below use. Other questions are answered by
-- a scan, which is quick on a store of a few million rows; for repeated queries of another kind,
-- create an index once, e.g. CREATE INDEX events_code ON events (code).
CREATE INDEX IF NOT EXISTS documents_doc_id ON documents (doc_id);
CREATE INDEX IF NOT EXISTS actors_name ON actors (name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS actor_aliases_alias ON actor_aliases (alias COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions (document, sentence);
CREATE INDEX IF NOT EXISTS events_document ON events (document, sentence);
CREATE INDEX IF NOT EXISTS events_source_target ON events (source, target);
CREATE INDEX IF NOT EXISTS events_target ON events (target);
CREATE INDEX IF NOT EXISTS statements_document ON statements (document, sentence);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements (speaker);
CREATE INDEX IF NOT EXISTS statement_targets_actor ON statement_targets (actor);
CREATE INDEX IF NOT EXISTS relations_document ON relations (document, sentence);
CREATE INDEX IF NOT EXISTS relations_source_target ON relations (source, target);

-- Views for analysts (created on every build and append, so older stores get them too).
-- who_said_what: one row per statement and actor it is about (or one row with NULLs when none).
CREATE VIEW IF NOT EXISTS who_said_what AS
  SELECT s.date, s.speaker, sp.name AS speaker_name, s.cue, s.content, s.direct,
         t.actor AS about, a.name AS about_name, t.stance, t.addressee,
         d.doc_id AS doc, s.sentence, s.id AS statement
  FROM statements s
  JOIN documents d ON d.id = s.document
  LEFT JOIN actors sp ON sp.id = s.speaker
  LEFT JOIN statement_targets t ON t.statement = s.id
  LEFT JOIN actors a ON a.id = t.actor;

-- dyad_timeline: per directed dyad and month, the real events (asserted or reported, not negated)
-- by quad class with summed and mean Goldstein score.
CREATE VIEW IF NOT EXISTS dyad_timeline AS
  SELECT e.source, e.target, substr(e.date, 1, 7) AS month, count(*) AS events,
         sum(e.quad_class = 1) AS verbal_cooperation, sum(e.quad_class = 2) AS material_cooperation,
         sum(e.quad_class = 3) AS verbal_conflict, sum(e.quad_class = 4) AS material_conflict,
         total(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean
  FROM events e
  WHERE e.target IS NOT NULL AND e.negated = 0 AND e.modality IN ('asserted', 'reported') AND e.date IS NOT NULL
  GROUP BY e.source, e.target, month;
