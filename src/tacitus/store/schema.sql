-- Tacitus SQLite schema, version 1. Applied by tacitus.store.migrations; PRAGMA user_version tracks it.
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT
);

CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,              -- publication date (ISO)
  title TEXT, url TEXT, source TEXT,
  language TEXT,
  text TEXT NOT NULL,
  origin TEXT,
  n_events INTEGER NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);

CREATE TABLE IF NOT EXISTS sentences (
  rowid INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE(article_id, idx)
);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
  text, content='sentences', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

CREATE TABLE IF NOT EXISTS actors (
  id TEXT PRIMARY KEY,             -- stable registry id
  name TEXT NOT NULL,
  country TEXT,
  sectors TEXT,                    -- space-separated sector codes
  code TEXT,
  kind TEXT,
  n_mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS actors_name ON actors(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS actors_country ON actors(country);

CREATE TABLE IF NOT EXISTS actor_aliases (
  alias TEXT NOT NULL COLLATE NOCASE,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  PRIMARY KEY (alias, actor_id)
);

CREATE TABLE IF NOT EXISTS places (
  geonameid INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  lat REAL, lon REAL,
  country TEXT,
  feature TEXT
);

CREATE TABLE IF NOT EXISTS entities (
  rowid INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  label TEXT,
  actor_id TEXT REFERENCES actors(id),
  geonameid INTEGER REFERENCES places(geonameid),
  coref INTEGER
);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article_id);
CREATE INDEX IF NOT EXISTS entities_actor ON entities(actor_id);

CREATE TABLE IF NOT EXISTS timexes (
  rowid INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  text TEXT NOT NULL, type TEXT NOT NULL, value TEXT, mod TEXT
);
CREATE INDEX IF NOT EXISTS timexes_article ON timexes(article_id);

-- One row per event mention (an event as one article reports it).
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  pub_date TEXT NOT NULL,
  type TEXT NOT NULL, plover_type TEXT, mode TEXT, contexts TEXT, cameo TEXT,
  trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
  source_text TEXT, source_start INTEGER, source_end INTEGER, source_actor_id TEXT,
  source_name TEXT, source_country TEXT, source_sectors TEXT, source_code TEXT,
  target_text TEXT, target_start INTEGER, target_end INTEGER, target_actor_id TEXT,
  target_name TEXT, target_country TEXT, target_sectors TEXT, target_code TEXT,
  date_value TEXT, date_start TEXT, date_end TEXT, date_granularity TEXT, date_basis TEXT, date_mod TEXT,
  location_geonameid INTEGER, location_name TEXT, location_country TEXT, lat REAL, lon REAL,
  modality TEXT, negated INTEGER, reporting INTEGER,
  attribution_text TEXT, attribution_actor_id TEXT,
  sentence_start INTEGER, sentence_end INTEGER, sentence_text TEXT,
  confidence REAL,
  ontology_version TEXT,
  json TEXT NOT NULL               -- the event exactly as in the output contract
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type, date_start);
CREATE INDEX IF NOT EXISTS events_date ON events(date_start, date_end);
CREATE INDEX IF NOT EXISTS events_src_country ON events(source_country, date_start);
CREATE INDEX IF NOT EXISTS events_tgt_country ON events(target_country, date_start);
CREATE INDEX IF NOT EXISTS events_src_actor ON events(source_actor_id);
CREATE INDEX IF NOT EXISTS events_tgt_actor ON events(target_actor_id);
CREATE INDEX IF NOT EXISTS events_pub ON events(pub_date);

-- Evidence: the sentence(s) that support an event mention, with the trigger span.
CREATE TABLE IF NOT EXISTS evidence (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
  trigger_start INTEGER, trigger_end INTEGER,
  text TEXT NOT NULL,
  PRIMARY KEY (event_id, sentence_start)
);

CREATE TABLE IF NOT EXISTS rejects (
  rowid INTEGER PRIMARY KEY,
  origin TEXT NOT NULL,
  record_id TEXT,
  reason TEXT NOT NULL,
  snippet TEXT,
  at TEXT NOT NULL,
  UNIQUE(origin, record_id, reason)
);
