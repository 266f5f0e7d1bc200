/* minutes_pdf: the counting minutes (biên bản kiểm phiếu) as a PDF.
 *
 * Lays the minutes out as party documents are (documents.md §§1–3, 8, 10;
 * HD 36-HD/VPTW as measured): A4 portrait, margins 20/20/30/15 mm, Liberation
 * Serif (the metric twin of Times New Roman), a two-column header with the
 * organization and the counting board on the left and "ĐẢNG CỘNG SẢN VIỆT
 * NAM" with its rule, place and date on the right, the title "BIÊN BẢN KIỂM
 * PHIẾU" and what was elected, then every field of the template: the number
 * to elect, the candidate list, the counting board, the base after each
 * exclusion (QĐ 190-QĐ/TW Điều 30), the ballots, the votes and percentages
 * in ballot order, the elected in descending votes (delegates, then
 * alternates), what remains to do, the closing lines, and the signatures of
 * the counting board. Page numbers from page 2, centred at the top.
 * Text is set with pango, so Vietnamese diacritics are shaped properly. */
#ifndef DANGBO_IO_MINUTES_PDF_H
#define DANGBO_IO_MINUTES_PDF_H

#include "core/buf.h"
#include "core/err.h"
#include "domain/election.h"
#include "io/election_json.h"

/* Renders the minutes of a counted round (res from election_count on
 * d->round) and appends the PDF bytes to out. ERR_IO if cairo fails. */
enum err minutes_pdf_render(const struct election_doc *d, const struct election_result *res, struct buf *out);

#endif
