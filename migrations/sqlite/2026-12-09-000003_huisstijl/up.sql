-- The SWV's own colour and logo, on its public pages and in its mails. The logo is kept as
-- base64 text (PNG or SVG, at most 200 KB) so both backends store it the same way.
ALTER TABLE samenwerkingsverbanden ADD COLUMN kleur TEXT;
ALTER TABLE samenwerkingsverbanden ADD COLUMN logo TEXT;
ALTER TABLE samenwerkingsverbanden ADD COLUMN logo_type TEXT;
