<?php
session_start();
ini_set('session.save_handler', 'files');

if ($_SERVER['REQUEST_METHOD'] === 'POST' && isset($_FILES['photo'])) {
    $target = __DIR__ . '/uploads/' . basename($_FILES['photo']['name']);
    move_uploaded_file($_FILES['photo']['tmp_name'], $target);
}
// move_uploaded_file($_FILES['x']['tmp_name'], '/var/www/old/' . $name);
echo "Guestbook";
