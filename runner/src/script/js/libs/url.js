(function (N, M) { 'use strict'; return {}; })
