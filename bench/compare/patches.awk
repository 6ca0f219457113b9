# Turns the env changes of changes.awk into strategic-merge patches for kustomize, one per
# workload: an added or replaced variable becomes an env entry merged by name, a removed one
# a $patch: delete entry. A replaced entry also clears the other kind of value, so that a
# literal replacing a secretKeyRef does not end up with both.
#
#   awk -f patches.awk changes.tsv > patches.yaml
BEGIN { FS = "\t" }

function quote(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	return "\"" s "\""
}

function entry(action, variable, value,    ref, out) {
	out = "            - name: " variable "\n"
	if (action == "removed")
		return out "              $patch: delete\n"
	if (value ~ /^secretKeyRef /) {
		split(substr(value, 14), ref, "/")
		out = out "              valueFrom:\n                secretKeyRef:\n"
		out = out "                  name: " quote(ref[1]) "\n"
		out = out "                  key: " quote(ref[2]) "\n"
		if (action == "replaced")
			out = out "              value: null\n"
		return out
	}
	out = out "              value: " quote(value) "\n"
	if (action == "replaced")
		out = out "              valueFrom: null\n"
	return out
}

# flush writes the patch of the workload read so far.
function flush(    list) {
	if (workload == "")
		return
	split(workload, kn, "/")
	printf "---\napiVersion: apps/v1\nkind: %s\nmetadata:\n  name: %s\n", kn[1], kn[2]
	printf "spec:\n  template:\n    spec:\n"
	for (list in text)
		printf "      %s:\n%s", list, text[list]
	delete text
	delete seen
}

$1 "/" $2 != workload { flush(); workload = $1 "/" $2 }
!(($4, $3) in seen) {
	seen[$4, $3] = 1
	text[$4] = text[$4] "        - name: " $3 "\n          env:\n"
}
{ text[$4] = text[$4] entry($5, $6, $7) }
END { flush() }
