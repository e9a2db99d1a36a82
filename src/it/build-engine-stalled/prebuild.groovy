def stall = evaluate(new File(itLib, 'stall.groovy'))
def port = stall.start(basedir, 'silent')
new File(basedir, 'stall.properties').text = "stall.port=${port}\n"
true
