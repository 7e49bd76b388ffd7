#!/bin/sh
# Quotation marks of the session language (issue 18 item 6): the English
# messages of the sources quote with “…”, the German translations of
# po/de.po with „…“; neither uses the other language's marks or a pair of
# straight "…" as quotation marks. A single straight " that names the
# character itself (the CSV quoting rule) is not a quotation.
. "$top_srcdir/tests/lib.sh"

command -v perl >/dev/null 2>&1 || { echo "perl missing: quotes test skipped"; exit 77; }
command -v xgettext >/dev/null 2>&1 || { echo "xgettext missing: quotes test skipped"; exit 77; }

(cd "$top_srcdir" && xgettext -L C --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
    --from-code=UTF-8 --no-wrap -o "$T/stetig.pot" $(cat po/POTFILES.in)) || fail xgettext

# scan.pl POT PO — prints one line per message with the wrong marks:
# English: the msgids (and plurals) of POT; German: the msgstrs of PO whose
# msgid is in POT (obsolete entries are not shown to anyone).
cat > "$T/scan.pl" <<'EOF'
use strict; use warnings; use utf8;
binmode STDOUT, ':encoding(UTF-8)';
my ($pot, $po) = @ARGV;
sub entries {
    my ($f) = @_;
    open my $fh, '<:encoding(UTF-8)', $f or die "$f: $!";
    my (@e, %cur, $key);
    my $flush = sub { push @e, {%cur} if exists $cur{msgid}; %cur = (); };
    while (my $l = <$fh>) {
        next if $l =~ /^#/;
        if ($l =~ /^\s*$/) { $flush->(); $key = undef; next; }
        if ($l =~ /^(msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(.*)"\s*$/) {
            $flush->() if $1 eq 'msgid' && grep { /^msgstr/ } keys %cur;
            $key = $1; $cur{$key} = $2; next;
        }
        if ($l =~ /^\s*"(.*)"\s*$/ && defined $key) { $cur{$key} .= $1; }
    }
    $flush->();
    return @e;
}
sub count { my ($t, $c) = @_; my $n = () = $t =~ /\Q$c\E/g; return $n; }
my $hits = 0;
sub check {
    my ($lang, $t) = @_;
    (my $plain = $t) =~ s/\\"/"/g;
    my @why;
    if ($lang eq 'en') {
        push @why, 'German „ in English' if $plain =~ /„/;
        push @why, 'unpaired “ ”' if count($plain, '“') != count($plain, '”');
    } else {
        push @why, 'English ” in German' if $plain =~ /”/;
        push @why, 'unpaired „ “' if count($plain, '„') != count($plain, '“');
    }
    push @why, 'straight "…" as quotation marks' if $plain =~ /"[^"]+"/;
    return unless @why;
    print "$lang: ", join('; ', @why), ": $plain\n";
    $hits++;
}
my @pot = entries($pot);
my %used;
for my $e (@pot) {
    next if $e->{msgid} eq '';
    $used{$e->{msgid}} = 1;
    check('en', $_) for grep { defined } ($e->{msgid}, $e->{msgid_plural});
}
for my $e (entries($po)) {
    next unless $used{$e->{msgid}};
    check('de', $e->{$_}) for grep { /^msgstr/ } sort keys %$e;
}
exit($hits ? 1 : 0);
EOF

if perl "$T/scan.pl" "$T/stetig.pot" "$top_srcdir/po/de.po" > "$T/hits"; then ok; else
    fail "quotation marks of the wrong kind:"; cat "$T/hits" >&2
fi
# the scan read something: the German catalogue quotes with „…“
grep -q '„%s“' "$top_srcdir/po/de.po" && ok || fail "po/de.po has no „%s“ at all"

# --- the scanner finds what it must: one planted mistake of each kind
cat > "$T/plant.pot" <<'EOF'
msgid "Open „%s“ now"
msgstr ""

msgid "Say \"yes\" to it"
msgstr ""

msgid "Fine “%s” and a lone \" quote"
msgstr ""

msgid "Delete “%s”?"
msgstr ""

msgid "Keep “%s”?"
msgstr ""

msgid "Copy “%s”?"
msgstr ""
EOF
cat > "$T/plant.po" <<'EOF'
msgid "Delete “%s”?"
msgstr "„%s” löschen?"

msgid "Keep “%s”?"
msgstr "“%s“ behalten?"

msgid "Copy “%s”?"
msgstr "\"%s\" kopieren?"

msgid "Fine “%s” and a lone \" quote"
msgstr "Gut „%s“ und ein einzelnes \""
EOF
if perl "$T/scan.pl" "$T/plant.pot" "$T/plant.po" > "$T/plant"; then
    fail "the scanner missed the planted quotation marks"
else
    [ "$(wc -l < "$T/plant")" -eq 5 ] && ok || { fail "planted marks: want 5 hits"; cat "$T/plant" >&2; }
fi
expect_grep "en: German „ in English; unpaired “ ”: Open „%s“ now" "$T/plant"
expect_grep 'en: straight "…" as quotation marks: Say "yes" to it' "$T/plant"
expect_grep "de: English ” in German; unpaired „ “: „%s” löschen?" "$T/plant"
expect_grep "de: unpaired „ “: “%s“ behalten?" "$T/plant"
expect_no_grep "lone" "$T/plant"
finish
