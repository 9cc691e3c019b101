"""The database schema as numbered migrations; `PRAGMA user_version` says which ran."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: files, sources, documents, removed spans, full-text search. Rows
    # enter documents_fts in bulk from store.db.write_result; they leave it
    # through the delete trigger.
    """
    CREATE TABLE files (
        path TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        built_at TEXT NOT NULL,
        pipeline TEXT NOT NULL DEFAULT '',
        failure TEXT
    );
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
        part INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        encoding TEXT NOT NULL,
        raw TEXT NOT NULL,
        repairs TEXT NOT NULL,
        counts TEXT NOT NULL,
        UNIQUE (path, part)
    );
    CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT,
        date TEXT,
        date_inferred INTEGER NOT NULL DEFAULT 0,
        outlet TEXT,
        author TEXT,
        url TEXT,
        place TEXT,
        text TEXT NOT NULL,
        offsets BLOB NOT NULL,
        raw_start INTEGER NOT NULL,
        raw_end INTEGER NOT NULL,
        chars INTEGER NOT NULL
    );
    CREATE INDEX documents_source ON documents(source_id);
    CREATE INDEX documents_kind_date ON documents(kind, date);
    CREATE TABLE removed (
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        raw_start INTEGER NOT NULL,
        raw_end INTEGER NOT NULL
    );
    CREATE INDEX removed_source ON removed(source_id);
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
    END;
    """,
    # 2: annotations (issue 3), spans into documents.text, and the entities
    # that `link` resolves across documents.
    """
    CREATE TABLE mentions (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        entity TEXT NOT NULL, type TEXT NOT NULL, title TEXT, key TEXT NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc);
    CREATE INDEX mentions_key ON mentions(key);
    CREATE TABLE times (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        type TEXT NOT NULL, value TEXT NOT NULL, first_day TEXT, last_day TEXT,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL
    );
    CREATE INDEX times_doc ON times(doc);
    CREATE INDEX times_first_day ON times(first_day);
    CREATE TABLE figures (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        low REAL NOT NULL, high REAL NOT NULL, unit TEXT, subject TEXT, hedge TEXT,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL
    );
    CREATE INDEX figures_doc ON figures(doc);
    CREATE TABLE citations (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        title TEXT, outlet TEXT, date TEXT
    );
    CREATE INDEX citations_doc ON citations(doc);
    CREATE TABLE quotes (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        kind TEXT NOT NULL, speaker TEXT, speaker_start INTEGER,
        speaker_end INTEGER, cue TEXT, cue_start INTEGER, cue_end INTEGER,
        via TEXT, citation INTEGER
    );
    CREATE INDEX quotes_doc ON quotes(doc);
    CREATE TABLE entities (
        key TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
        aliases TEXT NOT NULL, mentions INTEGER NOT NULL,
        documents INTEGER NOT NULL
    );
    """,
    # 3: spans a finder failed on and skipped (issue 13): the document keeps
    # its other annotations and the file counts as stored.
    """
    CREATE TABLE annotation_failures (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        stage TEXT NOT NULL, finder TEXT NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        excerpt TEXT NOT NULL, reason TEXT NOT NULL
    );
    CREATE INDEX annotation_failures_doc ON annotation_failures(doc);
    """,
    # 4: provenance (issue 13): where each source's raw text lies in its file
    # (offsets.SourceMap as JSON), for sources whose raw text is not the
    # decoded file itself. Document ids are content addresses, so the path
    # is looked up by content when a file moves. Files stored before have
    # path-made ids and no locators: forgetting their pipeline makes the next
    # build redo them.
    """
    CREATE TABLE locators (
        source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
        map TEXT NOT NULL
    );
    CREATE INDEX files_sha256 ON files(sha256);
    UPDATE files SET pipeline = '';
    """,
    # 5: copies (issue 13). `link.copies` signs each document once
    # (`signatures`; `bands` for one document of each distinct text, marked
    # `banded`), keeps the verified near copies it found (`near_copies`), and
    # marks every member of a copy group with the group's earliest document
    # (`copy_group`) and every member but that one with `copy_of`. Entities
    # keep counts over every document beside those over independent texts.
    """
    ALTER TABLE documents ADD COLUMN copy_of TEXT;
    ALTER TABLE documents ADD COLUMN copy_group TEXT;
    CREATE INDEX documents_copy_group ON documents(copy_group)
        WHERE copy_group IS NOT NULL;
    CREATE TABLE signatures (
        doc INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
        scheme TEXT NOT NULL, kind TEXT NOT NULL, digest BLOB NOT NULL,
        shingles INTEGER NOT NULL, banded INTEGER NOT NULL, minhash BLOB
    );
    CREATE INDEX signatures_digest ON signatures(digest);
    CREATE TABLE bands (
        key INTEGER NOT NULL,
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        PRIMARY KEY (key, doc)
    ) WITHOUT ROWID;
    CREATE INDEX bands_doc ON bands(doc);
    CREATE TABLE near_copies (
        a INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        b INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        containment REAL NOT NULL, size_ratio REAL NOT NULL,
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX near_copies_b ON near_copies(b);
    ALTER TABLE entities ADD COLUMN mentions_all INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entities ADD COLUMN documents_all INTEGER NOT NULL DEFAULT 0;
    """,
    # 6: what segmentation says of a document (issue 13): `kept-whole` when no
    # line of its source read as an article and it was stored whole rather
    # than lost. A space-separated list, empty for most documents.
    """
    ALTER TABLE documents ADD COLUMN flags TEXT NOT NULL DEFAULT '';
    """,
    # 7: the build's own state (issue 17). Every file written or forgotten
    # counts in `writes` (in its own transaction); the corpus-wide stage,
    # when it has finished, records in `linked` the count it started from. A
    # crash in between, or a write by another build meanwhile, leaves
    # `linked` behind, so the next build links again.
    """
    CREATE TABLE state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO state VALUES ('writes', 0), ('linked', 0);
    """,
    # 8: text reuse (issue 15). `link.reuse` signs each independent text once
    # (`reuse_signed`), keeps its passages' MinHash bands (`reuse_bands`) and
    # the reused passages it found (`reuses`: `a` < `b`, character spans of
    # each document's clean text, score, words matched).
    """
    CREATE TABLE reuse_signed (
        doc INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
        scheme TEXT NOT NULL, passages INTEGER NOT NULL
    );
    CREATE TABLE reuse_bands (
        key INTEGER NOT NULL,
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        passage INTEGER NOT NULL,
        PRIMARY KEY (key, doc, passage)
    ) WITHOUT ROWID;
    CREATE INDEX reuse_bands_doc ON reuse_bands(doc);
    CREATE TABLE reuses (
        a INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        b INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        a_start INTEGER NOT NULL, a_end INTEGER NOT NULL,
        b_start INTEGER NOT NULL, b_end INTEGER NOT NULL,
        score REAL NOT NULL, words INTEGER NOT NULL
    );
    CREATE INDEX reuses_a ON reuses(a);
    CREATE INDEX reuses_b ON reuses(b);
    """,
    # 9: entities linked with evidence, incrementally, with the user's
    # overrides (issue 15 parts 5 and 6). `entity_keys` holds what the corpus
    # says of each mention key (type, name, printed forms) and the entity it
    # was joined to, with the evidence; `entity_stale` the keys whose
    # mentions or copy groups changed since the last link, and `entity_forms`
    # (mentions per key and printed variant) and `entity_docs` (per key and
    # document) the counts a link reads instead of the mentions, all kept by
    # triggers, so a build re-links only what it touched; `entity_overrides` the
    # merges and splits a user made, applied after every link. `entities`
    # keeps each variant's evidence. Every key is stale at first and the
    # entities of the old linking go: the next build links everything once.
    """
    CREATE TABLE entity_keys (
        key TEXT PRIMARY KEY, entity TEXT NOT NULL, type TEXT NOT NULL,
        name TEXT NOT NULL, mentions INTEGER NOT NULL, forms TEXT NOT NULL,
        evidence TEXT NOT NULL, confidence REAL NOT NULL, via TEXT
    ) WITHOUT ROWID;
    CREATE INDEX entity_keys_entity ON entity_keys(entity);
    CREATE TABLE entity_stale (key TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TABLE entity_forms (
        key TEXT NOT NULL, entity TEXT NOT NULL, type TEXT NOT NULL,
        text TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (key, entity, type, text)
    ) WITHOUT ROWID;
    CREATE TABLE entity_docs (
        key TEXT NOT NULL,
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        PRIMARY KEY (key, doc)
    ) WITHOUT ROWID;
    CREATE INDEX entity_docs_doc ON entity_docs(doc);
    INSERT INTO entity_forms SELECT key, entity, type, text, count(*)
        FROM mentions GROUP BY key, entity, type, text;
    INSERT INTO entity_docs SELECT key, doc, count(*) FROM mentions GROUP BY key, doc;
    CREATE TRIGGER mentions_stale_insert AFTER INSERT ON mentions BEGIN
        INSERT OR IGNORE INTO entity_stale VALUES (new.key);
        INSERT INTO entity_forms VALUES (new.key, new.entity, new.type, new.text, 1)
            ON CONFLICT (key, entity, type, text) DO UPDATE SET n = n + 1;
        INSERT INTO entity_docs VALUES (new.key, new.doc, 1)
            ON CONFLICT (key, doc) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER mentions_stale_delete AFTER DELETE ON mentions BEGIN
        INSERT OR IGNORE INTO entity_stale VALUES (old.key);
        UPDATE entity_forms SET n = n - 1 WHERE key = old.key
            AND entity = old.entity AND type = old.type AND text = old.text;
        DELETE FROM entity_forms WHERE key = old.key AND entity = old.entity
            AND type = old.type AND text = old.text AND n <= 0;
        UPDATE entity_docs SET n = n - 1 WHERE key = old.key AND doc = old.doc;
        DELETE FROM entity_docs WHERE key = old.key AND doc = old.doc AND n <= 0;
    END;
    CREATE TRIGGER documents_copy_stale AFTER UPDATE OF copy_group ON documents
    WHEN old.copy_group IS NOT new.copy_group BEGIN
        INSERT OR IGNORE INTO entity_stale
        SELECT DISTINCT key FROM mentions WHERE doc = new.rowid;
    END;
    CREATE TABLE entity_overrides (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
        a TEXT NOT NULL, b TEXT, a_name TEXT NOT NULL, b_name TEXT
    );
    ALTER TABLE entities ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]';
    DELETE FROM entities;
    INSERT OR IGNORE INTO entity_stale SELECT DISTINCT key FROM mentions;
    """,
    # 10: each document's copy columns in a narrow table (issue 17).
    # `documents.copy_of` and `copy_group` (migration 5) lie after `text`, so
    # reading them walks the text's overflow pages: the listings, which read
    # them for every annotation row, read about 500 MB at 100,000 documents.
    # `documents` stays what writers write; triggers keep `document_copies`
    # equal to it, one row per document, so no writer has to know.
    # The per-document indexes of mentions and times grow to what the
    # listings read by: a sentence's mentions are a range of
    # `mentions(doc, start)` (a 10 MB document's 119,660 mentions were read
    # whole for a timeline page: 2.5 s); the entity page's join from mentions
    # to the dates of their sentences is read from `times_sentences` alone
    # (its dated statements 571 to 420 ms over six entities at 93,000
    # documents). Each replaces the index on `doc` it starts with. So does
    # `documents(source_id, ordinal)` for `documents(source_id)`: the
    # document list's order read from the index alone (`docs --offset
    # 50000` at 100,332 documents: 0.24 to 0.05 s).
    """
    CREATE TABLE document_copies (
        doc INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
        copy_of TEXT, copy_group TEXT
    );
    CREATE INDEX document_copies_group ON document_copies(copy_group)
        WHERE copy_group IS NOT NULL;
    INSERT INTO document_copies SELECT rowid, copy_of, copy_group FROM documents;
    CREATE TRIGGER documents_copies_insert AFTER INSERT ON documents BEGIN
        INSERT OR REPLACE INTO document_copies
        VALUES (new.rowid, new.copy_of, new.copy_group);
    END;
    CREATE TRIGGER documents_copies_update AFTER UPDATE OF copy_of, copy_group
    ON documents BEGIN
        UPDATE document_copies SET copy_of = new.copy_of, copy_group = new.copy_group
        WHERE doc = new.rowid;
    END;
    CREATE TRIGGER documents_copies_delete AFTER DELETE ON documents BEGIN
        DELETE FROM document_copies WHERE doc = old.rowid;
    END;
    CREATE INDEX mentions_doc_start ON mentions(doc, start);
    DROP INDEX mentions_doc;
    CREATE INDEX times_sentences
        ON times(doc, sentence_start, sentence_end, type, first_day);
    DROP INDEX times_doc;
    CREATE INDEX documents_source_ordinal ON documents(source_id, ordinal);
    DROP INDEX documents_source;
    """,
    # 11: the entity page's quotes by an entity matched its forms with a LIKE
    # over every quote (90-100 ms of its 230 ms p95 at 100,332 documents,
    # 221,292 quotes); the few hundred distinct speakers are read from this
    # index (6 ms), matched in Python, and their quotes read by it.
    """
    CREATE INDEX quotes_speaker ON quotes(speaker);
    """,
    # 12: event dates and conflicts stored at link time (issues 15 part 6
    # and 17). `claims --conflicts` and `calendar` worked them out per query
    # (22.5 s at 100,332 documents: every text read again). The link stage
    # now keeps, per document (`derived` marks the documents done), what its
    # own rows fix: the dates it gives events (`event_dates`, before another
    # source's day refines an anniversary's year) and what each figure claims
    # (`claim_facts`, JSON: sentence, scope, measure, who asserts it); then
    # the verdicts (`conflicts`, one row per group with its ranking inputs)
    # of the claim groups whose members changed (`conflict_buckets`: a digest
    # per group of comparable claims). `event_dates` and `claim_facts` repeat
    # their document's id and date (fixed for a rowid): no `documents` row,
    # each a page of text at 100,000 documents, is read; `claim_facts` also
    # keeps apart what tells a copy's repeated figure (`once.rows_once`), so
    # only the facts of the figures given are decoded. Rows leave with their
    # document; the writes count moves so the next build fills the tables
    # (until then the queries work the answers out as before).
    """
    CREATE TABLE derived (
        doc INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE
    );
    CREATE TABLE event_dates (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        n INTEGER NOT NULL, doc_id TEXT NOT NULL, doc_date TEXT,
        event TEXT NOT NULL, kind TEXT NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        first_year INTEGER NOT NULL, last_year INTEGER NOT NULL,
        day TEXT, years INTEGER, sentence TEXT NOT NULL, asserted_by TEXT,
        via TEXT NOT NULL, language TEXT,
        PRIMARY KEY (doc, n)
    ) WITHOUT ROWID;
    CREATE TABLE claim_facts (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        figure INTEGER NOT NULL, doc_id TEXT NOT NULL, doc_date TEXT,
        start INTEGER NOT NULL, text TEXT NOT NULL, subject TEXT, unit TEXT,
        sentence_chars INTEGER NOT NULL, sentence_at INTEGER NOT NULL,
        facts TEXT NOT NULL,
        PRIMARY KEY (doc, figure)
    );
    CREATE TABLE conflict_buckets (
        bucket TEXT PRIMARY KEY, digest TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE conflicts (
        bucket TEXT NOT NULL, component INTEGER NOT NULL,
        rank INTEGER NOT NULL, documents INTEGER NOT NULL, subject TEXT NOT NULL,
        first TEXT NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (bucket, component)
    );
    CREATE INDEX conflicts_order
        ON conflicts(rank, documents DESC, subject, first, component);
    UPDATE state SET value = value + 1 WHERE key = 'writes';
    """,
    # 13: the noun phrase a name stands in (`the` of `the European Union`,
    # `Senator` of `Senator McCain`, `, Alabama` after `Mobile`), where it
    # runs past the name: annotate/entities/phrase.py (issue 18). NULL where
    # the phrase is the name, and in mentions stored before (a rebuild of
    # their files fills it).
    """
    ALTER TABLE mentions ADD COLUMN phrase_start INTEGER;
    ALTER TABLE mentions ADD COLUMN phrase_end INTEGER;
    """,
    # 14: a shingle's document frequency as one counted row (issue 14). The
    # formula test of reuse (`link.reuse_formula`) kept every signed text's
    # word 3-shingles as rows of `reuse_bands` (441,441 rows on kcna-2024, the
    # largest insert of the link stage); now `reuse_grams` holds one row per
    # distinct shingle with the number of signed texts holding it, and
    # `reuse_signed.grams` the text's own shingles, so that a text leaving
    # (forgotten, replaced, become a copy) gives them back: its row's delete
    # puts them in `reuse_gone`, which the next link subtracts. The reuse
    # scheme moved with this, so the next link signs every text again and
    # drops the old shingle rows.
    """
    ALTER TABLE reuse_signed ADD COLUMN grams BLOB;
    CREATE TABLE reuse_grams (key INTEGER PRIMARY KEY, docs INTEGER NOT NULL);
    CREATE TABLE reuse_gone (grams BLOB NOT NULL);
    CREATE TRIGGER reuse_signed_gone AFTER DELETE ON reuse_signed
    WHEN old.grams IS NOT NULL BEGIN
        INSERT INTO reuse_gone VALUES (old.grams);
    END;
    """,
    # 15: the annotations of each document of STORE_FROM (1,000) or more as
    # `show --json` writes them (issue 17): `records` is a part's records,
    # BATCH_ROWS of them, as JSON text joined as `show` joins them, deflated
    # (raw); a mention's entity is a placeholder, its key and the entity its
    # document named, which `show` turns into the name it is linked to then
    # (present/shown.py). A row of kind '' marks a document whose parts are
    # stored, its `part` their layout (`shown.LAYOUT`), its `records` the
    # length of its source's raw text, which SQLite's length() counts by
    # reading the whole text. Written with the document's rows; the
    # migration stores those of the large documents already there (db.py,
    # `_AFTER_MIGRATION`).
    """
    CREATE TABLE shown (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        part INTEGER NOT NULL,
        records BLOB NOT NULL,
        PRIMARY KEY (doc, kind, part)
    ) WITHOUT ROWID;
    """,
    # 16: the counts of schema 9 (`entity_stale`, `entity_forms`,
    # `entity_docs`) are no longer kept by an insert trigger, three
    # statements per mention (1.1 of the 1.4 CPU s of storing kcna-2024,
    # issue 14), but by the writer, three grouped statements per batch
    # (store/mention_counts.py). The counts already there are right as they
    # are; the delete trigger stays. `deferred_indexes` holds the indexes a
    # build into an empty dossier drops until its load is done
    # (store/bulk_indexes.py). IF [NOT] EXISTS: a dossier taken back to an
    # older version by dropping tables, as the migration tests do, may hold
    # either as this schema has it.
    """
    DROP TRIGGER IF EXISTS mentions_stale_insert;
    CREATE TABLE IF NOT EXISTS deferred_indexes (
        name TEXT PRIMARY KEY, sql TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 17: a reused passage's shared shingles (`reuses.shared`, int64 keys,
    # `reuse_formula.shared_grams`), kept as `link.reuse` stores it, so that
    # rechecking it when texts signed later make its shingles common reads
    # no words (issue 14 part 3: on a pool build the parent read 914 texts
    # again for it). Passages stored before have none and are rechecked
    # from their texts, as they were.
    """
    ALTER TABLE reuses ADD COLUMN shared BLOB;
    """,
    # 18: which stored passages hold each shared shingle (`reuse_passage_keys`,
    # one row a key of a passage's `reuses.shared`), so that the recheck
    # after a batch finds the passages the batch's shingles may have made
    # formulas by those shingles, not by reading every signed text's
    # shingles (issue 14 part 5: each batch cost in proportion to the whole
    # store). `link.reuse` writes the rows with its passages. A passage
    # deleted leaves its keys in `reuse_passages_gone` (the trigger), and
    # they are taken out before any row goes in (`store.passage_keys`):
    # an index on `passage` for the trigger to delete by doubled the cost
    # of writing the rows. The passages the keys cannot find (`shared`
    # NULL, stored before 17, or shorter than `reuse_formula.MIN_GRAMS`
    # keys, 12 of 8 bytes: the pair rule weighs their pair's shingles, not
    # theirs) have their own index, which `reuse_formula.crossed` reads by
    # the same condition. Passages stored before get their rows here.
    """
    CREATE TABLE reuse_passage_keys (
        key INTEGER NOT NULL,
        passage INTEGER NOT NULL,
        PRIMARY KEY (key, passage)
    ) WITHOUT ROWID;
    CREATE TABLE reuse_passages_gone (passage INTEGER NOT NULL, shared BLOB NOT NULL);
    CREATE INDEX reuses_unkeyed ON reuses(a, b)
    WHERE shared IS NULL OR length(shared) < 96;
    CREATE TRIGGER reuses_keys_gone AFTER DELETE ON reuses
    WHEN old.shared IS NOT NULL BEGIN
        INSERT INTO reuse_passages_gone VALUES (old.rowid, old.shared);
    END;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
