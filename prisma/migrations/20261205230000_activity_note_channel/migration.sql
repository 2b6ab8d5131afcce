-- An activity whose message named no way of contact (上汽那边说…, "Bob at Globex said…") was
-- stored as a visit the rep never mentioned (issue #11). It is a note now. Existing rows stay as
-- they are: which of them were defaulted cannot be told from the row. (No semicolons in these
-- comments: the Wasm schema engine splits the script at every one, comments included.)
-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'note';
