import { describe } from '@jest/globals'
import { deployWithoutArtifact } from '../../../src/rules/v-build-release-run/deploy-without-artifact.js'
import { ruleTable } from '../../helpers/rule-tester.js'

const wf = (job: string, steps: string): string => `on: push\njobs:\n  ${job}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`

describe('TF0504 deploy-without-artifact', () => {
  ruleTable(deployWithoutArtifact, {
    valid: [
      { name: 'artifact uploaded before the copy', path: '.github/workflows/deploy.yml', code: wf('deploy', '      - run: npm ci && npm run build\n      - uses: actions/upload-artifact@v4\n        with:\n          name: dist-${{ github.sha }}\n          path: dist\n      - run: rsync -az dist/ deploy@host:/srv/app/releases/${{ github.sha }}\n') },
      { name: 'image pushed and pulled', path: '.github/workflows/deploy.yml', code: wf('deploy', '      - run: docker build -t ghcr.io/acme/web:${{ github.sha }} . && docker push ghcr.io/acme/web:${{ github.sha }}\n      - run: scp docker-compose.prod.yml deploy@host:/srv/app/\n') },
      { name: 'CI job that builds without deploying', path: '.github/workflows/ci.yml', code: wf('test', '      - run: npm ci && npm run build\n      - run: rsync -az coverage/ reports@host:/srv/reports\n') },
      { name: 'deploy job that only copies config', path: '.github/workflows/deploy.yml', code: wf('deploy', '      - run: scp nginx.conf deploy@host:/etc/nginx/\n') }
    ],
    invalid: [
      { name: 'build then rsync', path: '.github/workflows/deploy.yml', code: wf('deploy', '      - run: npm ci && npm run build\n      - run: |\n          echo deploying\n          rsync -az --delete dist/ deploy@${{ secrets.HOST }}:/var/www/app\n'), errors: [{ line: 10, column: 11, message: /job "deploy" builds and ships the output with rsync/ }] },
      { name: 'build then FTP action', path: '.github/workflows/main.yml', code: wf('production', '      - run: composer install --no-dev\n      - uses: SamKirkland/FTP-Deploy-Action@v4.3.5\n        with:\n          server: ftp.example.com\n'), errors: [{ line: 8, message: /SamKirkland\/FTP-Deploy-Action/ }] }
    ]
  })
})
