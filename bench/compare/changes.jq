# Turns the tab-separated env changes of changes.awk into the argument of wire.jq:
# {"Kind/name": {"container": [{name, remove} or {name, entry}, ...]}}.
#
#   jq -R -s -f changes.jq changes.tsv > changes.json
split("\n")
| map(select(length > 0) | split("\t"))
| reduce .[] as [$kind, $name, $container, $list, $action, $variable, $value] ({};
    .[$kind + "/" + $name][$container] += [
      if $action == "removed" then
        {name: $variable, remove: true}
      elif $value | startswith("secretKeyRef ") then
        ($value[13:] | split("/")) as [$secret, $key]
        | {name: $variable,
           entry: {name: $variable, valueFrom: {secretKeyRef: {name: $secret, key: $key}}}}
      else
        {name: $variable, entry: {name: $variable, value: $value}}
      end
    ])
