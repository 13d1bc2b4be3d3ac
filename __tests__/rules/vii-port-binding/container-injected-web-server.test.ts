import { describe, expect, it } from '@jest/globals'
import { containerInjectedWebServer } from '../../../src/rules/vii-port-binding/container-injected-web-server.js'
import { auditTreeV8, briefV8 } from '../../helpers/audit-tree-v-viii.js'

const run = (files: Record<string, string>): string[] => auditTreeV8(files, [containerInjectedWebServer]).map(briefV8)

describe('TF0702 container-injected-web-server', () => {
  it('WAR packaging without Spring Boot', () => {
    const f = auditTreeV8({ 'pom.xml': '<project>\n  <artifactId>shop</artifactId>\n  <packaging>war</packaging>\n  <dependencies><dependency><artifactId>jakarta.servlet-api</artifactId></dependency></dependencies>\n</project>\n' }, [containerInjectedWebServer])
    expect(f.map(briefV8)).toEqual(['TF0702 pom.xml:3 warning'])
    expect(f[0].message).toMatch(/^<packaging>war<\/packaging> builds an archive/)
    expect(f[0].column).toBe(3)
  })
  it('Spring Boot executable WAR and JAR packaging are fine', () => {
    expect(run({ 'pom.xml': '<project>\n  <packaging>war</packaging>\n  <build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>\n</project>\n' })).toEqual([])
    expect(run({ 'pom.xml': '<project>\n  <packaging>jar</packaging>\n</project>\n' })).toEqual([])
    expect(run({ 'pom.xml': '<project>\n  <!-- <packaging>war</packaging> -->\n</project>\n' })).toEqual([])
  })
  it('Gradle war plugin', () => {
    expect(run({ 'build.gradle': "plugins {\n    id 'java'\n    id 'war'\n}\n" })).toEqual(['TF0702 build.gradle:3 warning'])
    expect(run({ 'build.gradle': "plugins {\n    id 'war'\n    id 'org.springframework.boot' version '3.3.0'\n}\n" })).toEqual([])
  })
  it('PHP app that only runs under mod_php', () => {
    expect(run({ 'composer.json': '{}', 'public/index.php': '<?php echo "hi";\n', 'public/.htaccess': 'RewriteEngine On\nphp_value upload_max_filesize 20M\n' })).toEqual(['TF0702 public/.htaccess:2 warning'])
  })
  it('PHP app with its own image or Procfile is fine', () => {
    expect(run({ 'composer.json': '{}', 'public/.htaccess': 'php_value upload_max_filesize 20M\n', Dockerfile: 'FROM php:8.3-apache\nCOPY . /var/www/html\n' })).toEqual([])
    expect(run({ 'composer.json': '{}', 'public/.htaccess': 'php_flag display_errors off\n', Procfile: 'web: heroku-php-apache2 public/\n' })).toEqual([])
    expect(run({ 'composer.json': '{}', 'public/.htaccess': 'RewriteEngine On\nRewriteRule ^ index.php [L]\n' })).toEqual([])
  })
  it('WSGI app whose only entry is mod_wsgi', () => {
    expect(run({ 'requirements.txt': 'django\n', 'deploy/apache/site.conf': '<VirtualHost *:80>\n  WSGIScriptAlias / /srv/mysite/mysite/wsgi.py\n</VirtualHost>\n' })).toEqual(['TF0702 deploy/apache/site.conf:2 warning'])
    expect(run({ 'requirements.txt': 'django\ngunicorn\n', 'deploy/apache/site.conf': '<VirtualHost *:80>\n  WSGIScriptAlias / /srv/mysite/mysite/wsgi.py\n</VirtualHost>\n' })).toEqual([])
  })
})
