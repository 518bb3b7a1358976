const http = require('http');
const os = require('os');

console.log("Hello server starting...");

http.createServer(function(request, response) {
  console.log("Greeting " + request.connection.remoteAddress);
  response.writeHead(200);
  response.end("Hello from " + os.hostname() + "\n");
}).listen(8080);
