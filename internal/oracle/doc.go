// Package oracle measures how faithfully a post-rendered Camunda release reproduces, through
// environment variables, the Microsoft Entra settings the chart itself renders from values.
//
// It is the Go form of the project's Python cross-check oracle.py and gives the same
// answers. Three manifest streams take part: E, the chart rendered with Entra values (the
// truth); B, the chart rendered without them (the baseline); and P, B after camunda-entra.
//
// For every container of every Deployment and StatefulSet, init containers included, the
// package computes the effective configuration, keyed by Spring Boot's canonical property
// names. Mounted ConfigMap files are flattened with list indices as segments, then the
// container's env and envFrom override them, as Spring Boot's relaxed binding does:
//
//	# ConfigMap camunda-identity, mounted as application.yaml
//	camunda:
//	  identity:
//	    audiences: [a, b]
//	# container env
//	- name: CAMUNDA_IDENTITY_AUDIENCES_0
//	  value: c
//	- name: CAMUNDA_IDENTITY_CLIENTSECRET
//	  valueFrom: {secretKeyRef: {name: entra, key: secret}}
//
// gives the settings
//
//	camunda.identity.audiences.0=c
//	camunda.identity.clientsecret=secretKeyRef:entra/secret
//
// where the env var has replaced the file's whole list, so audiences.1 is gone. Placeholders
// `${NAME:default}` are resolved and Kubernetes `$(VAR)` references expanded. Files that
// are not Spring property sources keep their keys under a prefix: `node-toml:` and
// `node-yaml:` for Node apps, `optimize-config:` for Optimize's environment-config.yaml.
//
// Score then compares P with E and B key by key. The delta D holds the keys whose value
// differs between B and E; each is reproduced when P has E's value, missing otherwise, or
// unverifiable for a non-Spring key env may not reach. The report also lists residual keys
// (in B, not in E), extra env vars, collateral changes to keys B and E agree on, and secret
// leaks: literal values feeding a key that E takes from a Secret.
//
// YAML is read with the YAML 1.1 typing of PyYAML, which the Python tool uses, so that
// `on`, `010` and `8.10` mean what they mean there (true, 8 and 8.1).
//
// Where the port departs from oracle.py: a file it cannot read is left out, where the
// Python tool stops on some of them (an invalid date, a `0x` without digits); `!!binary`,
// `!!set` and other less common tags make a file unreadable; TOML dates and times are not
// read (see tomlParser); and a manifest part oracle.py would stop on, such as a container
// that is not a mapping, is skipped.
package oracle
