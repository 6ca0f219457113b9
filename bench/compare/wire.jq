# The yq pipeline a user could write instead of camunda-entra: for each document, set the env
# changes listed for its workload in $changes (from changes.jq), upserting entries by name.
#
#   yq -y --slurpfile changes changes.json -f wire.jq input.yaml
def upsert($entry):
  if any(.[]; .name == $entry.name)
  then map(if .name == $entry.name then $entry else . end)
  else . + [$entry]
  end;

def apply($edits):
  reduce $edits[] as $edit (.;
    .env = ((.env // []) | if $edit.remove then map(select(.name != $edit.name))
                           else upsert($edit.entry) end));

def wire($workload):
  map(. as $container
      | ($workload[$container.name]) as $edits
      | if $edits then apply($edits) else . end);

($changes[0][(.kind // "") + "/" + (.metadata.name // "")]) as $workload
| if $workload == null then .
  else .spec.template.spec |= (
      .containers |= wire($workload)
      | if .initContainers then .initContainers |= wire($workload) else . end)
  end
