"""The workspace schema, created and evolved only through numbered migrations.

Each migration runs atomically with its record in `_sqlite_migrations`. Never
edit a migration that has shipped: add the next one. Names are `mNNN_area`.
"""

from __future__ import annotations

from sqlite_utils import Migrations

MIGRATION_SET = "roadmap-planner"
migrations = Migrations(MIGRATION_SET)


@migrations(name="m001_initial")
def m001_initial(db):
    db.executescript(
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE lanes (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'quarter'
                CHECK (kind IN ('quarter', 'release', 'horizon')),
            position INTEGER NOT NULL DEFAULT 0,
            start_date TEXT,
            end_date TEXT,
            capacity REAL,
            UNIQUE (kind, name)
        );
        CREATE TABLE metrics (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            unit TEXT,
            stage TEXT,
            description TEXT
        );
        CREATE TABLE metric_values (
            metric_id INTEGER NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            segment TEXT NOT NULL DEFAULT '',
            value REAL NOT NULL,
            PRIMARY KEY (metric_id, period, segment)
        );
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            description TEXT,
            notes TEXT,
            kind TEXT NOT NULL DEFAULT 'feature'
                CHECK (kind IN ('feature', 'improvement', 'bug', 'tech_debt', 'research')),
            status TEXT NOT NULL DEFAULT 'idea'
                CHECK (status IN ('idea', 'candidate', 'planned', 'in_progress', 'shipped', 'wont_do')),
            theme TEXT,
            tags TEXT,
            owner TEXT,
            reach_mode TEXT NOT NULL DEFAULT 'requests'
                CHECK (reach_mode IN ('requests', 'companies', 'weighted', 'mrr', 'metric', 'manual')),
            reach_manual REAL,
            metric_id INTEGER REFERENCES metrics(id) ON DELETE SET NULL,
            metric_share REAL,
            impact REAL,
            confidence REAL,
            effort REAL,
            value REAL,
            impact_low REAL, impact_high REAL,
            confidence_low REAL, confidence_high REAL,
            effort_low REAL, effort_high REAL,
            ice_impact REAL, ice_confidence REAL, ice_ease REAL,
            wsjf_value REAL, wsjf_time REAL, wsjf_risk REAL, wsjf_size REAL,
            pinned_rank INTEGER,
            pin_rationale TEXT,
            lane_id INTEGER REFERENCES lanes(id) ON DELETE SET NULL,
            lane_position REAL,
            start_date TEXT,
            end_date TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX idx_items_lane ON items(lane_id, lane_position);
        CREATE INDEX idx_items_status ON items(status);
        CREATE TABLE import_batches (
            id INTEGER PRIMARY KEY,
            file_name TEXT,
            sha256 TEXT,
            source TEXT,
            preset TEXT,
            encoding TEXT,
            delimiter TEXT,
            mapping TEXT,
            rows_read INTEGER NOT NULL DEFAULT 0,
            new INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            duplicates INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            companies_new INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            undone_at TEXT
        );
        CREATE TABLE companies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            segment TEXT,
            plan TEXT,
            mrr REAL,
            arr REAL,
            domain TEXT,
            external_id TEXT,
            batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX idx_companies_domain ON companies(domain);
        CREATE TABLE requests (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL DEFAULT 'manual',
            external_id TEXT,
            title TEXT NOT NULL,
            body TEXT,
            requester TEXT,
            email TEXT,
            company_id INTEGER REFERENCES companies(id) ON DELETE SET NULL,
            created_at TEXT,
            votes INTEGER,
            importance TEXT,
            url TEXT,
            tags TEXT,
            status TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'linked', 'duplicate', 'archived')),
            duplicate_of INTEGER REFERENCES requests(id) ON DELETE SET NULL,
            raw TEXT,
            batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
            content_hash TEXT,
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX idx_requests_source_external
            ON requests(source, external_id) WHERE external_id IS NOT NULL;
        CREATE UNIQUE INDEX idx_requests_hash
            ON requests(content_hash) WHERE external_id IS NULL AND content_hash IS NOT NULL;
        CREATE INDEX idx_requests_company ON requests(company_id);
        CREATE INDEX idx_requests_status ON requests(status);
        CREATE INDEX idx_requests_batch ON requests(batch_id);
        CREATE TABLE links (
            request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            importance TEXT NOT NULL DEFAULT 'important'
                CHECK (importance IN ('nice_to_have', 'important', 'critical')),
            batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (request_id, item_id)
        );
        CREATE INDEX idx_links_item ON links(item_id, request_id);
        """
    )


@migrations(name="m002_import")
def m002_import(db):
    # Errors and warnings of a batch stay readable after the import window is closed.
    db.executescript(
        """
        ALTER TABLE import_batches ADD COLUMN errors TEXT;
        ALTER TABLE import_batches ADD COLUMN warnings TEXT;
        CREATE INDEX idx_companies_batch ON companies(batch_id);
        CREATE INDEX idx_links_batch ON links(batch_id);
        """
    )


@migrations(name="m003_scoring")
def m003_scoring(db):
    # Scoring keeps the demand on each item (and the items' estimates) in memory
    # and rereads only what changed; these triggers tell it what. kind 'links':
    # that item's demand; 'companies': every item's demand (an MRR or segment
    # changed); 'item': that item's row; 'items': every row (a lane or metric
    # was renamed or removed, which the rows show by name). The WHEN clauses keep
    # re-imports that change nothing, and new <-> linked, out of the log.
    db.executescript(
        """
        INSERT OR IGNORE INTO settings(key, value)
            VALUES ('workspace_token', '"' || lower(hex(randomblob(8))) || '"');
        CREATE TABLE score_changes (
            seq INTEGER PRIMARY KEY,
            item_id INTEGER,
            kind TEXT NOT NULL
        );
        CREATE TRIGGER score_links_insert AFTER INSERT ON links BEGIN
            INSERT INTO score_changes(item_id, kind) VALUES (new.item_id, 'links');
        END;
        CREATE TRIGGER score_links_delete AFTER DELETE ON links BEGIN
            INSERT INTO score_changes(item_id, kind) VALUES (old.item_id, 'links');
        END;
        CREATE TRIGGER score_links_update AFTER UPDATE ON links BEGIN
            INSERT INTO score_changes(item_id, kind) VALUES (old.item_id, 'links');
            INSERT INTO score_changes(item_id, kind)
                SELECT new.item_id, 'links' WHERE new.item_id IS NOT old.item_id;
        END;
        CREATE TRIGGER score_requests_update
            AFTER UPDATE OF status, company_id, created_at, requester, email ON requests
            WHEN old.company_id IS NOT new.company_id OR old.created_at IS NOT new.created_at
              OR old.requester IS NOT new.requester OR old.email IS NOT new.email
              OR (old.status IS NOT new.status
                  AND (old.status IN ('duplicate', 'archived') OR new.status IN ('duplicate', 'archived')))
        BEGIN
            INSERT INTO score_changes(item_id, kind)
                SELECT item_id, 'links' FROM links WHERE request_id = new.id;
        END;
        CREATE TRIGGER score_companies_update AFTER UPDATE OF mrr, arr, segment, name ON companies
            WHEN old.mrr IS NOT new.mrr OR old.arr IS NOT new.arr
              OR old.segment IS NOT new.segment OR old.name IS NOT new.name
        BEGIN
            INSERT INTO score_changes(item_id, kind) VALUES (NULL, 'companies');
        END;
        CREATE TRIGGER score_companies_delete AFTER DELETE ON companies BEGIN
            INSERT INTO score_changes(item_id, kind) VALUES (NULL, 'companies');
        END;
        CREATE TRIGGER score_items_insert AFTER INSERT ON items BEGIN
            INSERT INTO score_changes(item_id, kind) VALUES (new.id, 'item');
        END;
        CREATE TRIGGER score_items_update AFTER UPDATE ON items BEGIN
            INSERT INTO score_changes(item_id, kind) VALUES (new.id, 'item');
        END;
        CREATE TRIGGER score_items_delete AFTER DELETE ON items BEGIN
            INSERT INTO score_changes(item_id, kind) VALUES (old.id, 'item');
        END;
        CREATE TRIGGER score_lanes_update AFTER UPDATE OF name, kind ON lanes BEGIN
            INSERT INTO score_changes(item_id, kind) VALUES (NULL, 'items');
        END;
        CREATE TRIGGER score_lanes_delete AFTER DELETE ON lanes BEGIN
            INSERT INTO score_changes(item_id, kind) VALUES (NULL, 'items');
        END;
        CREATE TRIGGER score_metrics_update AFTER UPDATE OF name ON metrics BEGIN
            INSERT INTO score_changes(item_id, kind) VALUES (NULL, 'items');
        END;
        """
    )


@migrations(name="m004_undo_import_indexes")
def m004_undo_import_indexes(db):
    # Deleting a request sets duplicate_of to NULL on the requests that point at
    # it (ON DELETE SET NULL): without an index every deleted row scanned the
    # whole table, which made undoing an import quadratic (20k rows: 111 s).
    db.executescript(
        """
        CREATE INDEX IF NOT EXISTS idx_requests_duplicate_of ON requests(duplicate_of);
        """
    )


@migrations(name="m005_company_details")
def m005_company_details(db):
    # A company's renewal date (ISO, 2027-03-31) and its account owner, edited in the Companies view.
    db.executescript(
        """
        ALTER TABLE companies ADD COLUMN renewal_date TEXT;
        ALTER TABLE companies ADD COLUMN owner TEXT;
        """
    )


@migrations(name="m006_item_sources")
def m006_item_sources(db):
    # Items and companies come in from spreadsheets, trackers and CRMs too. An item keeps where it came
    # from (source and the tracker's key, so the same file again updates it instead of adding it twice),
    # its link back (url), the batch that added it, and the fields it brought that the planner does not
    # score with (story points, the sheet's own score) as JSON. A batch says what kind of file it read.
    db.executescript(
        """
        ALTER TABLE items ADD COLUMN source TEXT;
        ALTER TABLE items ADD COLUMN external_id TEXT;
        ALTER TABLE items ADD COLUMN url TEXT;
        ALTER TABLE items ADD COLUMN batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL;
        ALTER TABLE items ADD COLUMN fields TEXT;
        CREATE UNIQUE INDEX idx_items_source_id ON items(source, external_id) WHERE external_id IS NOT NULL;
        CREATE INDEX idx_items_batch ON items(batch_id);
        ALTER TABLE import_batches ADD COLUMN kind TEXT NOT NULL DEFAULT 'requests'
            CHECK (kind IN ('requests', 'items', 'companies'));
        ALTER TABLE import_batches ADD COLUMN sheet TEXT;
        """
    )


@migrations(name="m007_snapshots")
def m007_snapshots(db):
    # A snapshot of the ranking: one row per snapshot, its columns (item ids, scores, ranks, lanes,
    # statuses, estimates) packed as arrays in `data` (zlib). Most rows are a delta against `parent_id`
    # (the items whose values changed, the ids added and removed), a full one every few snapshots, so
    # a year of daily snapshots of 10k items stays a few megabytes (`planner.storage.history_store`).
    db.executescript(
        """
        CREATE TABLE snapshots (
            id INTEGER PRIMARY KEY,
            taken_at TEXT NOT NULL,
            day TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'manual' CHECK (kind IN ('manual', 'export', 'daily')),
            note TEXT NOT NULL DEFAULT '',
            method TEXT NOT NULL,
            settings TEXT NOT NULL,
            lanes TEXT NOT NULL,
            items INTEGER NOT NULL,
            parent_id INTEGER REFERENCES snapshots(id),
            depth INTEGER NOT NULL DEFAULT 0,
            format INTEGER NOT NULL DEFAULT 1,
            data BLOB NOT NULL
        );
        CREATE INDEX idx_snapshots_day ON snapshots(day);
        """
    )


@migrations(name="m008_release_notes")
def m008_release_notes(db):
    # Release notes speak to customers: an item may carry its own customer-facing title and summary
    # (blank: the title is used). Whether a requester was told that an item ships is a fact about one
    # request and one item, so it sits on the link: the day it was first marked informed (ISO), or NULL.
    db.executescript(
        """
        ALTER TABLE items ADD COLUMN public_title TEXT;
        ALTER TABLE items ADD COLUMN public_summary TEXT;
        ALTER TABLE links ADD COLUMN informed_at TEXT;
        """
    )


@migrations(name="m009_demand_cache")
def m009_demand_cache(db):
    # The per-item demand of the workspace's own scoring settings, stored so a first score reads one row
    # per item instead of every link (`planner.storage.demand_store`). A cache: `seq` is the last
    # score_changes entry its rows include, `key` the token, window start, segment and weights they were
    # counted for; later changes are recomputed from the links of the items the log names.
    db.executescript(
        """
        CREATE TABLE demand_cache (
            item_id INTEGER PRIMARY KEY,
            requests INTEGER NOT NULL, people INTEGER NOT NULL, askers INTEGER NOT NULL,
            companies INTEGER NOT NULL, weighted REAL NOT NULL, mrr REAL NOT NULL, top_share REAL NOT NULL,
            top_company INTEGER NOT NULL, segment_bits INTEGER NOT NULL, older INTEGER NOT NULL,
            off_segment INTEGER NOT NULL
        );
        CREATE TABLE demand_cache_meta (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            key TEXT NOT NULL,
            seq INTEGER NOT NULL
        );
        """
    )


@migrations(name="m010_demand_cache_ahead")
def m010_demand_cache_ahead(db):
    # The next days' demand of the items whose requests leave the window on those days, counted with the
    # stored aggregate (m009) while every link was at hand: a new day's first score reads these rows instead
    # of every link again. A cache, valid with the stored aggregate's key and seq (`demand_store`).
    db.executescript(
        """
        CREATE TABLE demand_cache_ahead (
            start_day INTEGER NOT NULL,
            item_id INTEGER NOT NULL,
            requests INTEGER NOT NULL, people INTEGER NOT NULL, askers INTEGER NOT NULL,
            companies INTEGER NOT NULL, weighted REAL NOT NULL, mrr REAL NOT NULL, top_share REAL NOT NULL,
            top_company INTEGER NOT NULL, segment_bits INTEGER NOT NULL, older INTEGER NOT NULL,
            off_segment INTEGER NOT NULL,
            PRIMARY KEY (start_day, item_id)
        );
        """
    )
