#!/usr/bin/perl
# pass_persist helper: serves "OID TYPE VALUE" lines of a data file (re-read when it changes)
use strict; use warnings;
$| = 1;
my ($file, $base) = @ARGV;
my (@keys, %data, $mtime);
sub key { join('.', map { sprintf('%010d', $_) } grep { length } split(/\./, $_[0])) }
sub load {
    my @st = stat($file); my $m = @st ? $st[9] . ':' . $st[7] : '';
    return if defined $mtime && $m eq $mtime;
    $mtime = $m; %data = ();
    open(my $fh, '<', $file) or return;
    while (my $l = <$fh>) { chomp $l; next unless $l =~ /^\.?(\S+)\s+(\S+)\s+(.*)$/; $data{key($1)} = [".$1", $2, $3]; }
    close $fh; @keys = sort keys %data;
}
sub after {
    my $k = shift; my ($lo, $hi) = (0, scalar @keys);
    while ($lo < $hi) { my $mid = int(($lo + $hi) / 2); if ($keys[$mid] le $k) { $lo = $mid + 1 } else { $hi = $mid } }
    return $lo < @keys ? $keys[$lo] : undef;
}
while (my $cmd = <STDIN>) {
    chomp $cmd;
    if ($cmd eq 'PING') { print "PONG\n"; next; }
    my $oid = <STDIN>; last unless defined $oid; chomp $oid;
    if ($cmd eq 'set') { <STDIN>; print "not-writable\n"; next; }
    load();
    my $k = key($oid);
    my $hit = $cmd eq 'get' ? (exists $data{$k} ? $k : undef) : after($k);
    if (defined $hit && $data{$hit}[0] =~ /^\Q$base\E\./) { print join("\n", @{$data{$hit}}), "\n"; } else { print "NONE\n"; }
}
