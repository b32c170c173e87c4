// Run by the compose service mongo-init: makes mongo1-3 one replica set, once.
try {
  rs.status();
  print('replica set rs0 already initiated');
} catch (error) {
  if (error.codeName !== 'NotYetInitialized') throw error;
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo1:27017' }, { _id: 1, host: 'mongo2:27017' }, { _id: 2, host: 'mongo3:27017' }] });
  print('replica set rs0 initiated');
}
// Wait for a primary, so db:migrate finds one.
while (!db.hello().isWritablePrimary && !db.hello().primary) sleep(1000);
print(`primary: ${db.hello().primary}`);
