#!/usr/bin/env bash
# Builds dist/roamplan-wordpress.zip, the WordPress plugin ready for
# Plugins → Add New → Upload Plugin: the folder roamplan/ at the zip's root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/dist/roamplan-wordpress.zip"
mkdir -p "$root/dist"
rm -f "$out"
cd "$root/integrations/wordpress"
if command -v zip >/dev/null 2>&1; then
  zip -q -r -X "$out" roamplan -x 'roamplan/.*' 'roamplan/*/.*'
else
  python3 -m zipfile -c "$out" roamplan
fi
echo "wordpress-zip: $out"
python3 -m zipfile -l "$out"
