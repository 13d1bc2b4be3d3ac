#!/usr/bin/env bash
set -euo pipefail

HOST=deploy@blog.example.com
rsync -az --exclude .git ./ "$HOST:/srv/blog/"
ssh "$HOST" "cd /srv/blog && bundle install --deployment && bundle exec rails assets:precompile && sudo systemctl restart blog"
