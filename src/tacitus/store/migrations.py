"""Schema migrations after version 1 (schema.sql). Append a new version number with its statements;
``Database.migrate`` applies every version above the file's ``PRAGMA user_version`` in order."""
from __future__ import annotations

MIGRATIONS: dict[int, list[str]] = {
    # v2: cross-article merging (tacitus.store.clusters). Event mentions stay untouched in ``events``;
    # ``event_clusters`` holds one row per merged event and ``event_cluster`` maps each mention to it,
    # so merging is reversible (drop the two tables' rows and rebuild).
    2: [
        """CREATE TABLE IF NOT EXISTS event_clusters (
          id TEXT PRIMARY KEY,               -- 'evc_' + id of the first mention (stable)
          type TEXT NOT NULL,
          polarity TEXT NOT NULL,            -- asserted | negated | irrealis: never merged across
          source_key TEXT, target_key TEXT,   -- actor id, else country code, else NULL
          date_start TEXT, date_end TEXT,     -- intersection of the mentions' date intervals
          location_country TEXT,
          first_report TEXT, last_report TEXT, -- first and last publication dates
          n_mentions INTEGER NOT NULL DEFAULT 0,
          n_articles INTEGER NOT NULL DEFAULT 0,
          n_sources INTEGER NOT NULL DEFAULT 0, -- articles, syndicated copies counted once
          rep_event_id TEXT NOT NULL          -- the representative mention (the first one)
        )""",
        "CREATE INDEX IF NOT EXISTS event_clusters_src ON event_clusters(type, polarity, source_key, date_start)",
        "CREATE INDEX IF NOT EXISTS event_clusters_tgt ON event_clusters(type, polarity, target_key, date_start)",
        "CREATE INDEX IF NOT EXISTS event_clusters_date ON event_clusters(date_start, date_end)",
        """CREATE TABLE IF NOT EXISTS event_cluster (
          event_id TEXT PRIMARY KEY,          -- a mention (events.id)
          cluster_id TEXT NOT NULL,
          copy_key TEXT NOT NULL               -- hash of the normalized evidence sentence (syndication)
        )""",
        "CREATE INDEX IF NOT EXISTS event_cluster_cluster ON event_cluster(cluster_id)",
        "CREATE INDEX IF NOT EXISTS event_cluster_copy ON event_cluster(copy_key)",
    ],
    # v3: indexes the web UI's filters and pages rely on (fast pages on millions of events); the same
    # statements as ``tacitus.store.webqueries.WEB_INDEXES``, which ``tacitus serve`` also ensures.
    3: [
        "CREATE INDEX IF NOT EXISTS web_events_start ON events(date_start)",
        "CREATE INDEX IF NOT EXISTS web_events_end ON events(date_end)",
        "CREATE INDEX IF NOT EXISTS web_events_cameo ON events(cameo, date_start, date_end)",
        "CREATE INDEX IF NOT EXISTS web_events_type_dates ON events(type, date_start, date_end)",
        "CREATE INDEX IF NOT EXISTS web_events_loc ON events(location_geonameid)",
        "CREATE INDEX IF NOT EXISTS web_events_loc_country ON events(location_country, date_start)",
        "CREATE INDEX IF NOT EXISTS web_events_modality ON events(modality, date_start, date_end)",
        "CREATE INDEX IF NOT EXISTS web_events_src_actor_date ON events(source_actor_id, date_start)",
        "CREATE INDEX IF NOT EXISTS web_events_tgt_actor_date ON events(target_actor_id, date_start)",
        "CREATE INDEX IF NOT EXISTS web_evidence_article ON evidence(article_id)",
        "CREATE INDEX IF NOT EXISTS web_events_confidence ON events(confidence)",
    ],
    # v4: country and place scopes (timelines, map) look entities up by place and places by country.
    4: [
        "CREATE INDEX IF NOT EXISTS web_entities_place ON entities(geonameid)",
        "CREATE INDEX IF NOT EXISTS web_places_country ON places(country)",
    ],
}
