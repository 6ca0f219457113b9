# Reads the report of `camunda-entra --report` and prints one line per env change, tab
# separated: kind, name, container, list, action, variable, value. The list (containers or
# initContainers) is looked up in the input stream, given as the second file, since the
# report names containers only; the lookup reads the pod spec at the indentation Helm
# charts render it with (spec.template.spec keys at six spaces).
#
#   awk -f changes.awk report.txt input.yaml
FNR == NR && /^[A-Za-z]+\/[^ :]+: / {
	split($1, kn, "/")
	kind = kn[1]
	name = substr(kn[2], 1, length(kn[2]) - 1)
	next
}
FNR == NR && /^  container / { container = $2; next }
FNR == NR && /^    (added|replaced|removed) / {
	action = $1
	entry = substr($0, 14)
	variable = entry
	value = ""
	if (action != "removed") {
		eq = index(entry, "=")
		variable = substr(entry, 1, eq - 1)
		value = substr(entry, eq + 1)
	}
	n++
	change[n] = kind "\t" name "\t" container "\t" action "\t" variable "\t" value
	key[n] = kind "/" name "/" container
	next
}
FNR == NR { next }

# The input stream: note which containers are init containers.
/^---/ { doc_kind = ""; doc_name = ""; in_meta = 0; list = ""; next }
/^kind: / { doc_kind = $2; next }
/^metadata:/ { in_meta = 1; next }
/^  name: / && in_meta && doc_name == "" { doc_name = $2; next }
/^[a-z]/ { in_meta = 0 }
/^      initContainers:/ { list = "initContainers"; next }
/^      containers:/ { list = "containers"; next }
/^      [a-zA-Z]/ { list = "" }
/^        - name: / && list == "initContainers" {
	init[doc_kind "/" doc_name "/" $3] = 1
}

END {
	for (i = 1; i <= n; i++) {
		split(change[i], f, "\t")
		list = key[i] in init ? "initContainers" : "containers"
		print f[1] "\t" f[2] "\t" f[3] "\t" list "\t" f[4] "\t" f[5] "\t" f[6]
	}
}
