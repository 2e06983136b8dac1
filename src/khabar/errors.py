"""Every error and warning khabar raises, numbered, with a message that says what to do.

The codes are stable: bug reports and ``warnings.filterwarnings`` can name them.
Only the CLI prints; the library raises these.
"""

from __future__ import annotations

import warnings


class Errors:
    E001 = "Input '{name}' is empty (no text, or only whitespace)."
    E002 = "Input '{name}' looks binary ({kind}), not text or HTML."
    E003 = "Input '{name}' is not valid UTF-8 and no other encoding fits it well enough: {detail}"
    E004 = (
        "Input '{name}' is too long: {size}, over the limit of {limit:,} characters. "
        "Split it, or raise the limit with --max-chars."
    )
    E005 = (
        "Input '{name}' is in language '{language}', not English; khabar reads English reports "
        "(pass --allow-non-english to extract it anyway)."
    )
    E006 = "Publication date '{value}' for '{name}' does not parse: use YYYY-MM-DD."
    E007 = "Line {line} of '{name}' is not a JSON object: {detail}"
    E008 = "Line {line} of '{name}' has no non-empty 'text' field."
    E009 = "Input '{name}' does not exist."
    E010 = "Input '{name}' has no readable text after HTML extraction."
    E011 = "Publication date '{value}' for '{name}' is {reason}: khabar accepts dates from 1900 to tomorrow."
    E012 = "Input '{name}' could not be read: {detail}"
    E013 = "Line {line} of '{name}': field '{field}' must be {expected}, not {actual}."
    E014 = "Folder '{name}' holds no input files."
    E015 = "Input '{name}' is a {kind} file, which khabar cannot read yet; convert it to text, HTML or JSONL."
    E020 = "Language data file '{path}' is missing or unreadable: {detail}"
    E021 = "Language data file '{path}' is malformed: {detail}"
    E030 = (
        "The gazetteer index '{path}' is missing and could not be built: {detail}. "
        "Run `khabar gazetteer build`."
    )
    E031 = "GeoNames file '{path}' could not be read: {detail}"
    E032 = "Geoparsing data '{path}' could not be read: {detail}"
    E040 = "Unknown evaluation set '{name}'. Known sets: {known}."
    E041 = "Evaluation data '{path}' not found. Pass the path to the data set as PATH."
    E050 = "The spaCy model '{model}' is not installed. Run `make venv` (it is pinned in requirements.lock)."
    E060 = "Unknown output format '{format}'. Choose one of: {known}."
    E080 = "Trigger rule '{rule}' names '{value}', which is not an ACLED sub-event type."
    E081 = "Trigger rule '{rule}' refers to cue group or switch '{group}', which cues.json does not define."
    E082 = "types.json must rank every ACLED sub-event type; missing: {missing}."
    E083 = "Lexicon rule '{rule}' has an empty pattern; write at least one token per phrase."
    E084 = "CASE 2021 data '{path}' lacks the columns id, EventSnippet and SubType."
    E090 = (
        "No event-argument data under '{path}': expected wikievents/dev.jsonl or rams/dev.jsonlines "
        "(the layout of ../shared/data/event-args), or FA-KES attack annotations *.json with row, "
        "sha256 and events (the layout of notes/event-args-heldback)."
    )
    E091 = "No re3d data under '{path}': expected folders holding documents.json and entities.json."
    E100 = "--workers must be 1 or more, not {workers}."
    E101 = "The extraction worker processes failed: {detail}. Retry with --workers 1 to see the error."
    E102 = "Benchmark data '{path}' not found. Pass the FA-KES CSV with --data PATH."
    E103 = "Benchmark data '{path}' has no '{column}' column; is it the FA-KES CSV?"
    E104 = "Benchmark measurement '{mode}' failed (exit status {status}): {detail}"
    E120 = "Framing lexicon '{path}', row {row}: unknown {field} '{value}'."
    E121 = (
        "No PTC data under '{path}': expected train-articles/ and train-task-flc-tc.labels "
        "(or train-labels-task-flc-tc/), the layout of ../shared/data/propaganda-ptc."
    )
    E130 = (
        "Date '{value}' in '{name}' is ambiguous (day/month order); "
        "pass --date-order dmy, mdy or ymd to say how the file writes dates."
    )
    E131 = "Row {row} of '{name}' has no text in column '{column}'."
    E132 = (
        "CSV '{name}' has no {what} column: looked for {candidates}; "
        "name it with --{option} (the columns are: {columns})."
    )
    E133 = "Column '{column}' (--{option}) is not in CSV '{name}'; the columns are: {columns}."
    E134 = "Date '{value}' in '{name}' is not a date in {order} order."
    E140 = "Cannot open the ledger store '{url}': {detail}"
    E141 = "A PostgreSQL store needs the psycopg package: pip install 'psycopg[binary]'."
    E142 = "No article '{id}' in the store."
    E143 = "No event '{id}' in the store; event ids look like ARTICLEID:e1 (see `khabar query`)."
    E144 = "The store '{url}' has run migrations this khabar does not know ({names}); upgrade khabar."
    E145 = "{option} '{value}' is not {expected}."
    E146 = (
        "The store '{url}' needs migrations ({names}) before it can be read; "
        "open it for writing once (e.g. `khabar ingest` with no new input)."
    )
    E150 = "Reconciliation table '{path}' names '{value}', which is not an ACLED sub-event type."
    E151 = "Clustering reference '{path}' is missing or malformed: {detail}"
    E152 = "Ledger cache '{path}' line {line} is not an article ledger: {detail}. Delete it to re-extract."
    E160 = (
        "Parquet output '{path}' is a file; write_parquet writes articles.parquet and events.parquet "
        "into a directory."
    )
    E161 = (
        "Parquet is binary and this output stream has no binary buffer; "
        "write to a file with -o, or call khabar.export.parquet.write_parquet."
    )
    E162 = (
        "Batch output '{out}' was made from other inputs or settings ({detail}); a finished partition "
        "is never rewritten. Use a new --out directory, or delete '{out}' to start over."
    )
    E163 = "Batch manifest '{path}' is unreadable: {detail}. Delete the directory to start over."
    E164 = "Unknown batch engine '{engine}'. Choose 'local' or 'dask'."
    E165 = "--partition-size must be 1 or more, not {size}."
    E166 = "Cannot reach the Dask scheduler '{address}': {detail}"
    E167 = "The batch on Dask failed: {detail}"
    E168 = "'{path}' is not a khabar batch output: it has no _manifest.json (run `khabar batch` first)."
    E169 = "Batch partition file '{path}' is unreadable: {detail}"
    E180 = "Parameter '{name}' {problem}."
    E181 = "No such page: '{path}'."
    E182 = (
        "This endpoint needs the write token: send 'Authorization: Bearer TOKEN' "
        "(printed by `khabar serve`, or set with --token / KHABAR_TOKEN)."
    )
    E183 = "The request body is over the limit of {limit:,} bytes."
    E184 = "Cross-site {method} requests are refused."
    E186 = "Method {method} is not allowed here."
    E187 = "Internal error: {detail}. The server log has the traceback."
    E188 = "No outlet '{name}' in the store."
    E200 = (
        "WARC '{name}' is truncated or corrupt at byte offset {offset} ({detail}); "
        "the {count} article(s) read before it were kept."
    )
    E201 = "URL '{url}' could not be fetched: {detail}"
    E202 = "URL '{url}' answered HTTP {status}{reason}."
    E203 = "URL '{url}' is '{content_type}', not an HTML page, plain text or an RSS/Atom feed."
    E204 = "URL '{url}' is over the size limit of {limit:,} bytes; it was not read."
    E205 = "URL '{url}' did not answer within {seconds:g} s."
    E206 = "Feed '{name}' could not be read as RSS or Atom: {detail}"
    E207 = "Item {index} of feed '{name}' has neither a link nor any text."
    E208 = "--near-dup-threshold must be 0 (off) or from {low} to 1, not {value}."
    E220 = (
        "No ledger event '{id}' in the store; ledger event ids look like L-3f2a... "
        "(run `khabar reconcile`, then `khabar query --ledger`)."
    )
    E221 = "The filter --{name} does not apply to ledger events (it is a property of one article's event)."
    E222 = (
        "Could not write the ledger events of '{url}': {detail}. Nothing was changed; "
        "run `khabar reconcile` again (an ingest running at the same time can cause this)."
    )
    E223 = "--min-articles must be 1 or more, not {value}."


class Warnings:
    W001 = "Input '{name}' was decoded as {encoding}; khabar expects UTF-8 without a byte-order mark."
    W002 = "Input '{name}' may not be English (detected '{language}'); extracted anyway."
    W200 = "WARC '{name}': {count} record(s) skipped ({detail})."
    W201 = "Item {index} of feed '{name}' has no link; its summary was read instead of the article."
    W010 = "Could not resolve the date expression '{text}' against publication date {published}."


class KhabarError(Exception):
    """An error a user can act on. ``code`` is the catalogue key (``E001``)."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        message = getattr(Errors, code).format(**fields)
        super().__init__(f"[{code}] {message}")


class InputError(KhabarError):
    """A bad input: reported with its name and skipped; never stops a batch."""


class KhabarWarning(UserWarning):
    pass


def warn(code: str, **fields: object) -> None:
    """Emit warning ``code``; users filter with ``warnings.filterwarnings(..., message=r'\\[W001\\]')``."""
    message = getattr(Warnings, code).format(**fields)
    warnings.warn(f"[{code}] {message}", KhabarWarning, stacklevel=2)
