// Hand labels for every step with commands in ../shared/corpus/runbooks, keyed by
// `path:line` (the step's line), each with a few words of why. Only command names are quoted;
// the runbooks stay where they are. A label says what the step does as written, by reading it:
// - read: every command only reads; it would be safe to run unattended at 3 AM;
// - change: it writes, deletes, restarts, deploys, pushes or changes configuration;
// - interactive: it opens a session, an editor, a console or a long-running tunnel;
// - opaque: a site script or code runner whose effect the text cannot show;
// - broken: the fence as written cannot run (pasted output, prose, a query for another tool).

/** What a step does as written, by hand. */
export type StepLabel = "read" | "change" | "interactive" | "opaque" | "broken";

/** The label and why, by `path:line` under the corpus's runbooks directory. */
export const STEP_LABELS: Readonly<Record<string, readonly [StepLabel, string]>> = {
  "gitlab-com/certificates/gcp.md:77": ["change", "gcloud ssl-certificates create"],
  "gitlab-com/docs/bastions/gprd-bastions.md:61": ["interactive", "ssh -N -L tunnel, never ends"],
  "gitlab-com/docs/bastions/gprd-bastions.md:70": ["broken", "a hosts-file line, not a command"],
  "gitlab-com/docs/bastions/gprd-bastions.md:80": ["change", "socat opens a root listener"],
  "gitlab-com/docs/bastions/gprd-bastions.md:94": ["interactive", "ssh -N -L tunnel, never ends"],
  "gitlab-com/docs/bastions/gprd-bastions.md:100": ["change", "socat opens a root listener"],
  "gitlab-com/docs/bastions/gprd-bastions.md:106": ["change", "git clone"],
  "gitlab-com/docs/bastions/gprd-bastions.md:112": ["change", "git remote set-url"],
  "gitlab-com/docs/bastions/gstg-bastions.md:61": ["interactive", "ssh -N -L tunnel, never ends"],
  "gitlab-com/docs/bastions/gstg-bastions.md:70": ["broken", "a hosts-file line, not a command"],
  "gitlab-com/docs/bastions/gstg-bastions.md:80": ["change", "socat opens a root listener"],
  "gitlab-com/docs/bastions/gstg-bastions.md:94": ["interactive", "ssh -N -L tunnel, never ends"],
  "gitlab-com/docs/bastions/gstg-bastions.md:100": ["change", "socat opens a root listener"],
  "gitlab-com/docs/bastions/gstg-bastions.md:106": ["change", "git clone"],
  "gitlab-com/docs/bastions/gstg-bastions.md:112": ["change", "git remote set-url"],
  "gitlab-com/docs/ci-runners/ci_runner_manager_errors.md:7": ["interactive", "ssh login"],
  "gitlab-com/docs/ci-runners/ci_runner_manager_errors.md:13": [
    "interactive",
    "sudo su, then commands typed into the root shell",
  ],
  "gitlab-com/docs/ci-runners/ci_runner_manager_errors.md:21": [
    "interactive",
    "sudo su, then commands typed into the root shell",
  ],
  "gitlab-com/docs/ci-runners/ci_runner_manager_errors.md:39": [
    "interactive",
    "sudo su, then a site script that removes machines",
  ],
  "gitlab-com/docs/ci-runners/ci_runner_manager_errors.md:59": [
    "interactive",
    "sudo su, then commands typed into the root shell",
  ],
  "gitlab-com/docs/ci-runners/linux/blue-green-deployment.md:66": [
    "broken",
    "a chat-ops slash command, not shell",
  ],
  "gitlab-com/docs/ci-runners/linux/blue-green-deployment.md:73": [
    "broken",
    "a chat-ops slash command, not shell",
  ],
  "gitlab-com/docs/ci-runners/linux/configuration.md:69": ["interactive", "$EDITOR"],
  "gitlab-com/docs/ci-runners/linux/configuration.md:80": ["change", "git commit and push"],
  "gitlab-com/docs/ci-runners/linux/configuration.md:97": ["change", "chef-client"],
  "gitlab-com/docs/ci-runners/linux/configuration.md:105": [
    "read",
    "knife ssh -- journalctl | grep",
  ],
  "gitlab-com/docs/ci-runners/linux/docker-machine/create-failure.md:9": [
    "broken",
    "ls output pasted under the command, no prompt",
  ],
  "gitlab-com/docs/ci-runners/linux/docker-machine/create-failure.md:22": [
    "change",
    "site script runner_upgrade.sh stop",
  ],
  "gitlab-com/docs/ci-runners/linux/docker-machine/create-failure.md:28": [
    "change",
    "docker-machine rm",
  ],
  "gitlab-com/docs/ci-runners/linux/docker-machine/create-failure.md:34": ["change", "mv"],
  "gitlab-com/docs/ci-runners/linux/docker-machine/create-failure.md:40": [
    "change",
    "docker-machine create",
  ],
  "gitlab-com/docs/ci-runners/linux/docker-machine/create-failure.md:55": [
    "opaque",
    "site script runner_upgrade.sh",
  ],
  "gitlab-com/docs/ci-runners/linux/graceful-shutdown.md:85": [
    "change",
    "site script runner_upgrade.sh stop",
  ],
  "gitlab-com/docs/ci-runners/linux/graceful-shutdown.md:96": [
    "change",
    "site script runner_upgrade.sh update",
  ],
  "gitlab-com/docs/ci-runners/linux/graceful-shutdown.md:107": [
    "change",
    "runner_upgrade.sh stop_and_poweroff / reboot",
  ],
  "gitlab-com/docs/ci-runners/linux/graceful-shutdown.md:135": [
    "change",
    "site script runner_upgrade.sh update",
  ],
  "gitlab-com/docs/ci-runners/linux/manual-deployment.md:57": [
    "change",
    "knife ssh runner_upgrade.sh stop_chef",
  ],
  "gitlab-com/docs/ci-runners/linux/manual-deployment.md:75": ["interactive", "$EDITOR"],
  "gitlab-com/docs/ci-runners/linux/manual-deployment.md:103": ["change", "git commit and push"],
  "gitlab-com/docs/ci-runners/linux/manual-deployment.md:120": [
    "opaque",
    "knife ssh site script runner_upgrade.sh",
  ],
  "gitlab-com/docs/ci-runners/linux/manual-deployment.md:143": [
    "read",
    "knife ssh -- gitlab-runner --version",
  ],
  "gitlab-com/docs/config_management/chef-troubleshooting.md:5": [
    "broken",
    "a monitoring alert line, not a command",
  ],
  "gitlab-com/docs/config_management/chef-troubleshooting.md:10": [
    "broken",
    "session with a custom prompt and output",
  ],
  "gitlab-com/docs/config_management/chef-troubleshooting.md:24": [
    "broken",
    "knife ssh with its output pasted below",
  ],
  "gitlab-com/docs/config_management/chef-troubleshooting.md:32": [
    "change",
    "knife node from file, chef-client",
  ],
  "gitlab-com/docs/config_management/chef-troubleshooting.md:49": [
    "broken",
    "$ prompt in a fence without a language (RB018 error)",
  ],
  "gitlab-com/docs/config_management/chef-vault.md:156": ["change", "git checkout"],
  "gitlab-com/docs/config_management/chef-vault.md:162": ["change", "knife data bag from file"],
  "gitlab-com/docs/config_management/chef-vault.md:169": ["read", "knife vault show -z"],
  "gitlab-com/docs/config_management/chef-workflow.md:7": [
    "change",
    "git clone, sed -i, git branch -D",
  ],
  "gitlab-com/docs/forum/discourse-forum.md:89": ["change", "launcher rebuild"],
  "gitlab-com/docs/gitaly/git-copy-by-hand.md:34": ["change", "cp -r"],
  "gitlab-com/docs/gitaly/git-copy-by-hand.md:39": ["change", "git unpack-objects"],
  "gitlab-com/docs/gitaly/git-copy-by-hand.md:44": ["read", "git fsck"],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:53": ["read", "export sets a variable"],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:57": [
    "change",
    "site script storage_repository_move.sh",
  ],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:83": [
    "change",
    "rbenv install, gem install, bundle install",
  ],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:89": ["read", "export sets a variable"],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:96": ["change", "site script | tee writes a log"],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:170": ["change", "mkdir, curl --output, chmod"],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:174": ["broken", "prose after the command"],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:179": [
    "change",
    "site script storage_repository_delete.sh --dry-run=no",
  ],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:190": ["change", "find > writes a file"],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:197": ["broken", "stray backquote"],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:201": ["change", "rm -fr"],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:224": ["opaque", "site script storage_cleanup.rb"],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:228": [
    "change",
    "gcloud auth login, config set, disks snapshot",
  ],
  "gitlab-com/docs/gitaly/storage-rebalancing.md:243": [
    "change",
    "site script storage_cleanup.rb --dry-run=no",
  ],
  "gitlab-com/docs/logging/logging_gcs_archive_bigquery.md:128": ["change", "bq load --replace"],
  "gitlab-com/docs/logging/logging_gcs_archive_bigquery.md:144": [
    "change",
    "bq query CREATE OR REPLACE TABLE",
  ],
  "gitlab-com/docs/pages/gitlab-pages.md:15": ["read", "curl GET"],
  "gitlab-com/docs/pages/gitlab-pages.md:21": [
    "read",
    "Kibana search terms; as shell, curl GETs of two hosts",
  ],
  "gitlab-com/docs/pages/gitlab-pages.md:30": ["broken", "Kibana search terms, not a command"],
  "gitlab-com/docs/pages/gitlab-pages.md:36": ["interactive", "ssh login with a SOCKS proxy"],
  "gitlab-com/docs/pages/gitlab-pages.md:43": [
    "broken",
    "$ prompt and output in a fence without a language (RB018 error)",
  ],
  "gitlab-com/docs/pages/gitlab-pages.md:55": [
    "broken",
    "curl's verbose output pasted as a second fence",
  ],
  "gitlab-com/docs/pages/gitlab-pages.md:95": ["read", "grep"],
  "gitlab-com/docs/pages/gitlab-pages.md:101": [
    "broken",
    "root-prompt session with output (RB020 error)",
  ],
  "gitlab-com/docs/pages/gitlab-pages.md:113": ["broken", "a log line, not a command"],
  "gitlab-com/docs/pages/gitlab-pages.md:122": [
    "change",
    "strace attaches to a process, writes /tmp",
  ],
  "gitlab-com/docs/pages/gitlab-pages.md:130": ["change", "gitlab-ctl restart"],
  "gitlab-com/docs/patroni/geo-patroni-cluster.md:142": [
    "change",
    "systemctl stop, consul kv delete",
  ],
  "gitlab-com/docs/patroni/geo-patroni-cluster.md:149": ["change", "rm -rf, mkdir, chown"],
  "gitlab-com/docs/patroni/geo-patroni-cluster.md:162": [
    "broken",
    "wal-g output pasted under the command",
  ],
  "gitlab-com/docs/patroni/geo-patroni-cluster.md:178": [
    "interactive",
    "ssh, sudo su, systemctl start",
  ],
  "gitlab-com/docs/patroni/geo-patroni-cluster.md:187": ["read", "tail -f"],
  "gitlab-com/docs/patroni/geo-patroni-cluster.md:195": [
    "interactive",
    "ssh, sudo su -, wal-g backup-fetch",
  ],
  "gitlab-com/docs/patroni/geo-patroni-cluster.md:214": ["change", "cp"],
  "gitlab-com/docs/patroni/geo-patroni-cluster.md:228": [
    "broken",
    "patronictl output table pasted under the command",
  ],
  "gitlab-com/docs/patroni/geo-patroni-cluster.md:241": [
    "broken",
    "crontab lines pasted under crontab -l",
  ],
  "gitlab-com/docs/patroni/patroni-management.md:364": ["broken", "YAML, not a command"],
  "gitlab-com/docs/patroni/patroni-management.md:374": ["read", "dig"],
  "gitlab-com/docs/patroni/patroni-management.md:382": [
    "opaque",
    "runs every pgb-console* script found, forever",
  ],
  "gitlab-com/docs/patroni/patroni-management.md:430": ["broken", "Terraform HCL, not a command"],
  "gitlab-com/docs/patroni/patroni-management.md:441": [
    "change",
    "google_metadata_script_runner startup",
  ],
  "gitlab-com/docs/patroni/patroni-management.md:445": ["read", "dig"],
  "gitlab-com/docs/patroni/patroni-management.md:581": ["opaque", "site wrapper tf plan -out"],
  "gitlab-com/docs/patroni/pg_xid_xmin_age_alert.md:32": ["change", "tee -a writes a file"],
  "gitlab-com/docs/patroni/postgresql-backups-wale-walg.md:181": ["read", "wal-g --version"],
  "gitlab-com/docs/patroni/postgresql-backups-wale-walg.md:195": ["read", "wal-g backup-list"],
  "gitlab-com/docs/patroni/postgresql-backups-wale-walg.md:248": ["change", "wal-e backup-fetch"],
  "gitlab-com/docs/patroni/postgresql-backups-wale-walg.md:442": [
    "interactive",
    "sudo su -, then a backup script",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:45": [
    "read",
    "export sets a variable",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:49": [
    "read",
    "export sets a variable",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:53": [
    "read",
    "export sets a variable",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:57": [
    "opaque",
    "site script gkms-vault-cat, pbcopy",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:62": [
    "change",
    "ssh mkdir, tee, chmod",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:67": [
    "change",
    "pbcopy, tee writes a file",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:74": [
    "read",
    "knife search node | jq",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:79": [
    "read",
    "ssh patronictl list | jq",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:84": [
    "change",
    "scp, mv, chmod, chown",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:89": [
    "opaque",
    "site script user-role-create.sh --dry-run",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:94": [
    "change",
    "site script user-role-create.sh --wet-run",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:100": [
    "read",
    "knife ssh gitlab-psql \\du | grep",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:109": [
    "change",
    "chef-client-disable",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:113": [
    "read",
    "knife ssh systemctl status | tail",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:117": [
    "interactive",
    "gkms-vault-edit opens an editor",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:123": [
    "change",
    "chef-client-enable",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:127": ["change", "chef-client"],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:131": [
    "broken",
    "line break inside the remote command runs the log file",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:136": [
    "read",
    "knife search node, ssh egrep",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:140": ["change", "rm"],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:149": [
    "read",
    "ssh patronictl list | jq",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:154": [
    "opaque",
    "site script user-role-password-update.sh --dry-run",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:159": [
    "change",
    "site script user-role-password-update.sh --wet-run",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:164": [
    "interactive",
    "psql --password prompts",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:174": [
    "change",
    "chef-client-disable",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:178": [
    "read",
    "knife ssh systemctl status | tail",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:184": [
    "change",
    "chef-client-enable",
  ],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:188": ["change", "chef-client"],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:192": ["read", "knife ssh tail"],
  "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md:196": [
    "read",
    "knife search node, ssh egrep",
  ],
  "gitlab-com/docs/praefect/praefect-database.md:34": ["read", "ssh cat"],
  "gitlab-com/docs/praefect/praefect-file-storages.md:11": ["change", "service stop"],
  "gitlab-com/docs/praefect/praefect-file-storages.md:18": [
    "interactive",
    "gkms-vault-edit opens an editor",
  ],
  "gitlab-com/docs/praefect/praefect-file-storages.md:27": ["change", "chef-client"],
  "gitlab-com/docs/praefect/praefect-file-storages.md:33": ["change", "service start"],
  "gitlab-com/docs/praefect/praefect-read-only.md:30": ["change", "praefect reconcile -f"],
  "gitlab-com/docs/praefect/praefect-read-only.md:52": ["read", "praefect dataloss"],
  "gitlab-com/docs/praefect/praefect-read-only.md:57": ["change", "praefect accept-dataloss"],
  "gitlab-com/docs/sentry/sentry-is-down.md:9": [
    "broken",
    "supervisorctl output pasted as a second fence",
  ],
  "gitlab-com/docs/sentry/sentry-is-down.md:26": ["change", "supervisorctl start"],
  "gitlab-com/docs/sentry/sentry-is-down.md:32": ["read", "service status"],
  "gitlab-com/docs/sentry/sentry-is-down.md:40": ["read", "service status"],
  "gitlab-com/docs/sentry/sentry-is-down.md:49": ["read", "service status"],
  "gitlab-com/docs/sentry/sentry-is-down.md:57": ["read", "sentry queues list"],
  "gitlab-com/docs/sentry/sentry-is-down.md:63": ["change", "sentry queues purge"],
  "gitlab-com/docs/uncategorized/gke-runner/INSTRUCTIONS.md:8": [
    "change",
    "gcloud get-credentials writes kubeconfig",
  ],
  "gitlab-com/docs/uncategorized/gke-runner/INSTRUCTIONS.md:17": ["change", "kubectl apply"],
  "gitlab-com/docs/uncategorized/packagecloud-infrastructure.md:112": [
    "change",
    "mkdir, mount --rbind",
  ],
  "gitlab-com/docs/uncategorized/yubikey.md:198": ["change", "hdiutil create, veracrypt --create"],
  "gitlab-com/docs/uncategorized/yubikey.md:257": ["change", "mkdir, chmod, echo >"],
  "gitlab-com/docs/uncategorized/yubikey.md:299": ["broken", "gpg dialogue pasted with > prompts"],
  "govuk/source/kubernetes/cheatsheet.html.md:17": ["read", "export, alias"],
  "govuk/source/kubernetes/cheatsheet.html.md:27": [
    "change",
    "eval gds aws, kubectl config use-context",
  ],
  "govuk/source/kubernetes/create-app/index.html.md:73": ["change", "git tag, git push"],
  "govuk/source/kubernetes/get-started/access-eks-cluster/index.html.md:26": [
    "change",
    "aws eks update-kubeconfig",
  ],
  "govuk/source/kubernetes/get-started/access-eks-cluster/index.html.md:32": [
    "change",
    "kubectl config use-context",
  ],
  "govuk/source/kubernetes/get-started/access-eks-cluster/index.html.md:40": [
    "change",
    "kubectl config set-context",
  ],
  "govuk/source/kubernetes/get-started/access-eks-cluster/index.html.md:46": [
    "broken",
    "kubectl output in a fence without a language",
  ],
  "govuk/source/kubernetes/get-started/access-eks-cluster/index.html.md:65": [
    "opaque",
    "eval of gds aws output",
  ],
  "govuk/source/kubernetes/get-started/access-eks-cluster/index.html.md:72": [
    "change",
    "kubectl config use-context",
  ],
  "govuk/source/kubernetes/manage-app/create-new-env/index.html.md:54": [
    "change",
    "terraform init, apply",
  ],
  "govuk/source/kubernetes/manage-app/create-new-env/index.html.md:72": [
    "change",
    "terraform init, apply",
  ],
  "govuk/source/kubernetes/manage-app/create-new-env/index.html.md:102": [
    "change",
    "terraform init, apply",
  ],
  "govuk/source/kubernetes/manage-app/create-new-env/index.html.md:120": [
    "change",
    "terraform init, apply",
  ],
  "govuk/source/kubernetes/manage-app/set-env-var/index.html.md:59": ["change", "kubectl annotate"],
  "govuk/source/manual/access-to-licensing-for-third-parties.html.md:79": [
    "opaque",
    "eval of gds aws output",
  ],
  "govuk/source/manual/access-to-licensing-for-third-parties.html.md:85": [
    "change",
    "aws eks update-kubeconfig",
  ],
  "govuk/source/manual/access-to-licensing-for-third-parties.html.md:91": [
    "change",
    "kubectl config use-context",
  ],
  "govuk/source/manual/add-support-new-language.html.md:54": ["change", "rake translation:import"],
  "govuk/source/manual/alerts/email-alerts-travel-medical.html.md:81": ["change", "rake republish"],
  "govuk/source/manual/alerts/email-alerts-travel-medical.html.md:94": [
    "change",
    "rake email_alerts:trigger",
  ],
  "govuk/source/manual/alerts/signon-api-user-token-expires-soon.html.md:64": [
    "interactive",
    "rails console",
  ],
  "govuk/source/manual/amazonmq.html.md:16": ["change", "brew install"],
  "govuk/source/manual/amazonmq.html.md:22": ["change", "eval gds aws, kubectl config use-context"],
  "govuk/source/manual/amazonmq.html.md:32": [
    "interactive",
    "kubectl relay port forward, never ends",
  ],
  "govuk/source/manual/clear-the-redis-cache.html.md:24": [
    "broken",
    "kubectl output in a fence without a language",
  ],
  "govuk/source/manual/clear-the-redis-cache.html.md:39": ["interactive", "redis-cli session"],
  "govuk/source/manual/clear-the-redis-cache.html.md:45": ["broken", "redis-cli prompt and output"],
  "govuk/source/manual/clear-the-redis-cache.html.md:53": ["broken", "redis-cli prompt (flushall)"],
  "govuk/source/manual/clear-the-redis-cache.html.md:59": ["broken", "redis-cli prompt"],
  "govuk/source/manual/data-gov-uk-deployment.html.md:52": ["read", "git tag --list | head"],
  "govuk/source/manual/data-gov-uk-deployment.html.md:58": ["change", "git tag"],
  "govuk/source/manual/data-gov-uk-deployment.html.md:64": ["change", "git push"],
  "govuk/source/manual/elasticsearch-dumps.html.md:24": ["read", "kubectl exec curl GET"],
  "govuk/source/manual/elasticsearch-dumps.html.md:34": ["change", "curl -XDELETE"],
  "govuk/source/manual/elasticsearch-dumps.html.md:41": ["change", "curl -XPOST restore"],
  "govuk/source/manual/elasticsearch-dumps.html.md:49": ["read", "kubectl exec curl GET"],
  "govuk/source/manual/elasticsearch-dumps.html.md:70": ["change", "curl -XDELETE"],
  "govuk/source/manual/elasticsearch-dumps.html.md:76": ["change", "curl -XPOST restore"],
  "govuk/source/manual/emergency-publishing.html.md:142": ["interactive", "rails console"],
  "govuk/source/manual/get-started.html.md:69": ["read", "ssh -T to GitHub tests authentication"],
  "govuk/source/manual/get-started.html.md:75": ["change", "git config --global"],
  "govuk/source/manual/hmrc-paye-files.html.md:55": ["read", "kubectl get | awk | grep | head"],
  "govuk/source/manual/hmrc-paye-files.html.md:61": ["change", "kubectl exec mkdir"],
  "govuk/source/manual/hmrc-paye-files.html.md:67": ["change", "kubectl cp"],
  "govuk/source/manual/hmrc-paye-files.html.md:74": ["change", "rake create zips"],
  "govuk/source/manual/hmrc-paye-files.html.md:89": ["change", "rake create asset"],
  "govuk/source/manual/hmrc-paye-files.html.md:112": ["change", "rake create asset"],
  "govuk/source/manual/how-to-upgrade-rails.html.md:78": ["change", "rails app:update"],
  "govuk/source/manual/how-to-upgrade-rails.html.md:89": ["change", "rubocop --autocorrect"],
  "govuk/source/manual/howto-checkout-and-commit-to-codecommit.html.md:44": [
    "change",
    "brew install, pip3 install",
  ],
  "govuk/source/manual/howto-checkout-and-commit-to-codecommit.html.md:56": [
    "change",
    "git config --global",
  ],
  "govuk/source/manual/howto-checkout-and-commit-to-codecommit.html.md:75": [
    "opaque",
    "gds aws --login",
  ],
  "govuk/source/manual/howto-checkout-and-commit-to-codecommit.html.md:92": ["change", "git clone"],
  "govuk/source/manual/howto-modify-change-note.html.md:55": ["interactive", "rails console"],
  "govuk/source/manual/load-test.html.md:47": ["change", "brew install"],
  "govuk/source/manual/load-test.html.md:53": ["change", "k6 run load test"],
  "govuk/source/manual/load-test.html.md:67": ["read", "kubectl config get-contexts"],
  "govuk/source/manual/load-test.html.md:75": [
    "change",
    "eval gds aws, kubectl config use-context",
  ],
  "govuk/source/manual/load-test.html.md:87": ["change", "git clone, make deploy"],
  "govuk/source/manual/load-test.html.md:97": ["change", "k6 run load test"],
  "govuk/source/manual/load-test.html.md:105": ["change", "kubectl create configmap"],
  "govuk/source/manual/load-test.html.md:130": ["change", "kubectl apply"],
  "govuk/source/manual/load-test.html.md:138": ["read", "kubectl get, logs"],
  "govuk/source/manual/load-test.html.md:152": ["change", "kubectl delete"],
  "govuk/source/manual/manage-assets.html.md.erb:78": ["change", "aws s3 rm"],
  "govuk/source/manual/manage-assets.html.md.erb:113": [
    "read",
    "kubectl get | head | xargs basename",
  ],
  "govuk/source/manual/manage-assets.html.md.erb:120": ["change", "kubectl cp"],
  "govuk/source/manual/manage-assets.html.md.erb:126": [
    "change",
    "bin/create_asset, output pasted as a fence",
  ],
  "govuk/source/manual/manage-assets.html.md.erb:159": [
    "read",
    "kubectl get | head | xargs basename",
  ],
  "govuk/source/manual/manage-assets.html.md.erb:166": ["change", "kubectl cp"],
  "govuk/source/manual/manage-assets.html.md.erb:172": ["interactive", "rails console"],
  "govuk/source/manual/manage-assets.html.md.erb:194": ["interactive", "rails console"],
  "govuk/source/manual/manage-opensearch-on-aws.html.md:19": ["change", "brew install"],
  "govuk/source/manual/manage-opensearch-on-aws.html.md:27": [
    "read",
    "aws opensearch list-domain-names | jq",
  ],
  "govuk/source/manual/manage-opensearch-on-aws.html.md:33": [
    "read",
    "aws opensearch describe-domain | jq",
  ],
  "govuk/source/manual/manage-opensearch-on-aws.html.md:58": [
    "interactive",
    "kubectl relay port forward, never ends",
  ],
  "govuk/source/manual/manage-opensearch-on-aws.html.md:64": [
    "read",
    "aws secretsmanager list-secrets | jq",
  ],
  "govuk/source/manual/manage-opensearch-on-aws.html.md:70": [
    "read",
    "aws secretsmanager get-secret-value | jq",
  ],
  "govuk/source/manual/pagerduty.html.md:57": ["interactive", "kubectl exec -it sh"],
  "govuk/source/manual/pagerduty.html.md:63": ["change", "amtool alert add"],
  "govuk/source/manual/pagerduty.html.md:69": ["read", "amtool alert query"],
  "govuk/source/manual/reindex-elasticsearch.html.md.erb:137": ["read", "kubectl exec curl GET"],
  "govuk/source/manual/reindex-elasticsearch.html.md.erb:143": ["change", "curl -XPOST cancel"],
  "govuk/source/manual/request-fastly-tls-certificate.html.md:30": [
    "broken",
    "host lists pasted in fences without a language",
  ],
  "govuk/source/manual/setting-up-new-rails-app.html.md:29": ["change", "rails new"],
  "govuk/source/manual/setting-up-new-rails-app.html.md:143": [
    "broken",
    "Ruby code in a fence without a language",
  ],
  "govuk/source/manual/setup-a-yubikey.html.md:466": ["change", "gds config yubikey"],
};
