/******/ (() => { // webpackBootstrap
/******/ })();
