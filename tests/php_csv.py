"""Moodle's reading of an uploaded grading worksheet, re-done in Python, so that tests read the file the
way Moodle does rather than the way Python's csv module does.

PHP's fgetcsv (php-src ext/standard/file.c, php_fgetcsv), with the arguments Moodle passes: delimiter
",", enclosure '"' and the default escape character "\\". Inside a quoted field the escape character
does not disappear: it and the character after it are both kept, and that character (a quote, say)
loses its meaning. A doubled quote is one quote; a quote followed by anything else closes the field,
and whatever follows, up to the next comma, is added to the field as it stands. A line end inside a
quoted field is part of the field, and the next line is read.

Moodle's steps (lib/csvlib.class.php, csv_import_reader::load_csv_content; then
mod/assign/feedback/offline/importgradeslib.php and locallib.php, process_import_grades):
the file's line ends become "\\n" and the whole text is trimmed; it is read with fgetcsv, a blank line
is skipped, and every row must have as many cells as the header, else the whole upload is refused
("csvweirdcolumns"); the rows are stored with fputcsv and read back with fgetcsv; the columns are found
by their names, and "Identifier", "Grade" and "Last modified (grade)" must all be there, else the upload
is refused ("invalidgradeimport"); the identifier loses as many characters as "Participant " has.
"""


class Refused(Exception):
    """Moodle refuses the whole upload (the string it names is Moodle's message id)."""


def fgetcsv(lines, delimiter=",", enclosure='"', escape="\\"):
    """One record from an iterator of lines (each with its line end); None at the end of the input;
    [None] for a blank line, as PHP returns it."""
    line = next(lines, None)
    if line is None:
        return None
    content, end = split_end(line)
    fields, position, first = [], 0, True
    while True:
        ahead = position
        while ahead < len(content) and content[ahead] != delimiter and content[ahead] in " \t\n\v\f\r":
            ahead += 1
        if ahead < len(content) and content[ahead] == enclosure:
            position = ahead
        if first and position == len(content):
            return [None]
        first = False
        if position < len(content) and content[position] == enclosure:
            position += 1
            field, state = [], 0  # state 0: inside; 1: after the escape character; 2: after a quote
            while True:
                if position >= len(content):
                    if state == 2:
                        break  # the quote that ended the line closed the field
                    field.append(end)
                    line = next(lines, None)
                    if line is None:
                        break  # unterminated at the end of the input: PHP keeps what it has
                    content, end = split_end(line)
                    position, state = 0, 0
                    continue
                char = content[position]
                if state == 1:
                    field.append(char)
                    state = 0
                elif state == 2:
                    if char != enclosure:
                        break  # the field is closed; `char` is not part of the quoted text
                    field.append(enclosure)
                    state = 0
                elif char == enclosure:
                    state = 2
                else:
                    field.append(char)
                    if char == escape:
                        state = 1
                position += 1
            while position < len(content) and content[position] != delimiter:  # after the closing quote
                field.append(content[position])
                position += 1
            fields.append("".join(field))
        else:
            comma = content.find(delimiter, position)
            comma = len(content) if comma < 0 else comma
            fields.append(content[position:comma])
            position = comma
        if position < len(content) and content[position] == delimiter:
            position += 1
            continue
        return fields


def split_end(line):
    for end in ("\r\n", "\n", "\r"):
        if line.endswith(end):
            return line[: -len(end)], end
    return line, ""


def records(text):
    lines = iter(text.splitlines(keepends=True))
    while (record := fgetcsv(lines)) is not None:
        yield record


def fputcsv(fields, delimiter=",", enclosure='"', escape="\\"):
    """One line as PHP's fputcsv writes it (php-src ext/standard/file.c, php_fputcsv)."""
    written = []
    for field in fields:
        field = "" if field is None else str(field)
        if any(char in field for char in (delimiter, enclosure, escape, "\n", "\r", "\t", " ")):
            escaped, text = False, [enclosure]
            for char in field:
                if char == escape:
                    escaped = True
                elif not escaped and char == enclosure:
                    text.append(enclosure)
                else:
                    escaped = False
                text.append(char)
            written.append("".join(text + [enclosure]))
        else:
            written.append(field)
    return delimiter.join(written) + "\n"


ENGLISH = {
    "recordid": "Identifier",
    "grade": "Grade",
    "lastmodifiedgrade": "Last modified (grade)",
    "comments": "Feedback comments",
    "hiddenuser": "Participant ",
}


def moodle_worksheet_upload(text, strings=ENGLISH):
    """{participant number: {"grade": cell, "comments": cell (only when the file has that column)}},
    as Moodle's worksheet upload sees the file, `strings` being the uploader's interface language;
    Refused when Moodle would import nothing."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip(" \t\n\r\0\x0b")
    rows = [row for row in records(text) if row != [None]]
    if not rows:
        raise Refused("csvemptyfile")
    if any(len(row) != len(rows[0]) for row in rows):
        raise Refused("csvweirdcolumns")
    stored = "".join(fputcsv(row) for row in rows)
    header, *rows = list(records(stored))
    if not {strings["recordid"], strings["grade"], strings["lastmodifiedgrade"]} <= set(header):
        raise Refused("invalidgradeimport")
    seen = {}
    for row in rows:
        cells = dict(zip(header, row))
        found = {"grade": cells[strings["grade"]]}
        if strings["comments"] in header and header.index(strings["comments"]) != 0:
            found["comments"] = cells[strings["comments"]]
        seen[cells[strings["recordid"]][len(strings["hiddenuser"]) :]] = found
    return seen
