# Lists the env of every container of every Deployment and StatefulSet, one JSON line each,
# to compare the outputs of camunda-entra and its alternatives.
#
#   yq -c -f envs.jq output.yaml
select(.kind == "Deployment" or .kind == "StatefulSet")
| (.kind + "/" + .metadata.name) as $workload
| .spec.template.spec
| ((.initContainers // []) + (.containers // []))[]
| {workload: $workload, container: .name, env: (.env // [])}
