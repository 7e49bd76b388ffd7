#!/bin/sh
# One vocabulary: no user-visible text uses a term that po/GLOSSARY forbids,
# and the factor names the program prints are the glossary's.
#   German texts: the msgstrs of po/de.po (for the messages the sources use),
#     templates/de/*, man/de/*
#   English texts: the msgids of the sources, templates/en/*, man/stetig.*
. "$top_srcdir/tests/lib.sh"

G="$top_srcdir/po/GLOSSARY"
[ -r "$G" ] && ok || { fail "po/GLOSSARY missing"; finish; }
command -v perl >/dev/null 2>&1 || { echo "perl missing: glossary test skipped"; exit 77; }
command -v xgettext >/dev/null 2>&1 || { echo "xgettext missing: glossary test skipped"; exit 77; }

# --- the texts, one per line, as "where<TAB>text", split by language
(cd "$top_srcdir" && xgettext -L C --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
    --from-code=UTF-8 --no-wrap -o "$T/stetig.pot" $(cat po/POTFILES.in)) || fail xgettext

# po_texts FILE WHICH — prints "FILE:msgid<TAB>text" for each entry; WHICH is
# "msgid" (msgid and msgid_plural) or "msgstr" (all msgstr forms); with a
# second file KEEP only entries whose msgid is in KEEP.
cat > "$T/po.pl" <<'EOF'
use strict; use warnings;
binmode STDOUT, ':raw';
my ($file, $which, $keep) = @ARGV;
sub entries {
    my ($f) = @_;
    open my $fh, '<:raw', $f or die "$f: $!";
    my (@e, %cur, $key);
    my $flush = sub { push @e, {%cur} if exists $cur{msgid}; %cur = (); };
    while (my $l = <$fh>) {
        next if $l =~ /^#/;
        if ($l =~ /^\s*$/) { $flush->(); $key = undef; next; }
        if ($l =~ /^(msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(.*)"\s*$/) {
            $flush->() if $1 eq 'msgid' && exists $cur{msgstr};
            $key = $1; $cur{$key} = $2; next;
        }
        if ($l =~ /^\s*"(.*)"\s*$/ && defined $key) { $cur{$key} .= $1; }
    }
    $flush->();
    return @e;
}
my %keep;
if ($keep) { $keep{$_->{msgid}} = 1 for entries($keep); }
for my $e (entries($file)) {
    next if $e->{msgid} eq '';
    next if $keep && !$keep{$e->{msgid}};
    my @t = $which eq 'msgid'
        ? grep { defined } ($e->{msgid}, $e->{msgid_plural})
        : map { $e->{$_} } grep { /^msgstr/ } sort keys %$e;
    for my $t (@t) {
        $t =~ s/\\n/ /g; $t =~ s/\\t/ /g; $t =~ s/\\"/"/g;
        my $id = substr($e->{msgid}, 0, 40);
        print "$file: \"$id\"\t$t\n";
    }
}
EOF
perl "$T/po.pl" "$T/stetig.pot" msgid > "$T/en.txt" || fail "reading the msgids"
perl "$T/po.pl" "$top_srcdir/po/de.po" msgstr "$T/stetig.pot" > "$T/de.txt" || fail "reading po/de.po"
[ -s "$T/en.txt" ] && [ -s "$T/de.txt" ] && ok || fail "no messages read"

# files FILE... appended line by line; the template name city-app-steles is
# an identifier of the command line and stays as it is. A man page may quote
# the earlier file-format words between the roff comments
# .\" glossary-off and .\" glossary-on (they are read for old bundles).
add_files() {
    out=$1; shift
    for f in "$@"; do
        [ -f "$f" ] || continue
        awk -v f="${f#$top_srcdir/}" '
            /^\.\\" glossary-off/ { off = 1; next }
            /^\.\\" glossary-on/ { off = 0; next }
            !off { gsub(/city-app-steles/, "city-app"); print f ":" NR "\t" $0 }' "$f" >> "$out"
    done
}
add_files "$T/de.txt" $(find "$top_srcdir/templates/de" -type f | LC_ALL=C sort) \
    "$top_srcdir/man/de/stetig.1.in" "$top_srcdir/man/de/stetig.5"
add_files "$T/en.txt" $(find "$top_srcdir/templates/en" -type f | LC_ALL=C sort) \
    "$top_srcdir/man/stetig.1.in" "$top_srcdir/man/stetig.5"

# --- every forbidden variant, in its language
cat > "$T/scan.pl" <<'EOF'
use strict; use warnings; use utf8;
binmode STDOUT, ':encoding(UTF-8)'; binmode STDERR, ':encoding(UTF-8)';
my ($glossary, $de, $en) = @ARGV;
my (%bad, $rules, $hits);
open my $g, '<:encoding(UTF-8)', $glossary or die "$glossary: $!";
while (my $l = <$g>) {
    chomp $l;
    next if $l =~ /^\s*(#|$)/;
    my @f = split /\t/, $l;
    die "po/GLOSSARY line $.: want 5 TAB-separated fields\n" unless @f == 5;
    for my $i (0, 1) {
        my $re = $f[3 + $i];
        next if $re eq '-';
        my $c = eval { qr/$re/ } or die "po/GLOSSARY line $.: bad pattern $re\n";
        push @{ $bad{$i ? 'en' : 'de'} }, [$f[0], $f[1 + $i], $c];
        $rules++;
    }
}
for my $lang ('de', 'en') {
    open my $t, '<:encoding(UTF-8)', $lang eq 'de' ? $de : $en or die $!;
    while (my $l = <$t>) {
        chomp $l;
        my ($where, $text) = split /\t/, $l, 2;
        next unless defined $text;
        for my $r (@{ $bad{$lang} }) {
            if ($text =~ $r->[2]) {
                print "$where: \"$&\" – the glossary term for $r->[0] is \"$r->[1]\"\n";
                $hits++;
            }
        }
    }
}
print STDERR "$rules rules\n";
exit($hits ? 1 : 0);
EOF
if perl "$T/scan.pl" "$G" "$T/de.txt" "$T/en.txt" > "$T/hits" 2>"$T/rules"; then ok; else
    fail "forbidden terms in user-visible texts:"; cat "$T/hits" "$T/rules" >&2
fi
grep -q '^[1-9][0-9]* rules' "$T/rules" && ok || fail "no rules read from po/GLOSSARY"

# --- the scanner finds what it must (a forbidden word planted in a copy)
printf 'x:1\tDie Schwere des Befunds\n' > "$T/plant.de"
printf 'x:1\tprepare the proof of use\n' > "$T/plant.en"
if perl "$T/scan.pl" "$G" "$T/plant.de" "$T/plant.en" > "$T/plant" 2>/dev/null; then
    fail "the scanner missed planted forbidden terms"
else
    [ "$(wc -l < "$T/plant")" -eq 2 ] && ok || { fail "planted terms: want 2 hits"; cat "$T/plant" >&2; }
fi

# --- the factor names `stetig check` prints are the glossary's
for l in en de; do
    col=$([ $l = de ] && echo 2 || echo 3)
    rm -f "$T/w.stetig"
    expect_status 0 "$STETIG" new "$T/w.stetig" --lang $l
    "$STETIG" check "$T/w.stetig" --lang $l > "$T/check.$l" 2>&1
    for n in 1 2 3 4 5 6; do
        name=$(awk -F'\t' -v k="factor.$n" -v c=$col '$1 == k { print $c }' "$G")
        [ -n "$name" ] || { fail "po/GLOSSARY has no factor.$n"; continue; }
        expect_grep "$name" "$T/check.$l"
    done
    # the wind-down has no factor number
    if grep -q '^  6  ' "$T/check.$l"; then fail "check ($l) numbers the wind-down as factor 6"; else ok; fi
done

finish
